import { ValidationPipe } from '@nestjs/common';
import { bootstrap } from '@cm/platform';
import { ApiModule } from './api.module';
import { mountOpenApi } from './openapi';

void bootstrap(ApiModule, {
  configure: (app) => {
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    mountOpenApi(app);
  },
});
