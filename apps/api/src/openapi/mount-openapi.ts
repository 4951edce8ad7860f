import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@cm/platform';
import { declareBodyConstraints, declareQueryConstraints } from './body-constraints';
import { declareDeploymentLimits } from './deployment-limits';
import { declareErrorResponses } from './error-responses';
import { methodNotAllowed } from './method-not-allowed';
import { declarePathPatterns, routeFactsOf } from './route-facts';

/**
 * The OpenAPI document is generated from the controllers and DTOs (UI at /docs, JSON at /docs-json), then made exact
 * from what the router knows: path parameter patterns from their pipes, body constraints from class-validator, the
 * refusals of the shared pipeline. An undeclared method of a documented path answers 405 with Allow.
 */
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
  const facts = routeFactsOf(app);
  declarePathPatterns(document, facts);
  declareBodyConstraints(
    document,
    [...facts.values()].flatMap((fact) => (fact.bodyType ? [fact.bodyType] : [])),
  );
  declareQueryConstraints(document, facts);
  declareErrorResponses(document, facts);
  declareDeploymentLimits(document, app.get<AppConfig>(APP_CONFIG));
  app.use(methodNotAllowed(document));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
