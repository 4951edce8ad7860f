import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document is generated from the controllers and DTOs: UI at /docs, JSON at /docs-json. */
export function mountOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CCM Article 6 assistance matching API')
      .setDescription(
        'Needs posted by affected States Parties, pledges of technical, material and financial assistance, ' +
          'allocations followed to confirmed delivery, and the full audit history (Convention on Cluster Munitions, Art. 6).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
