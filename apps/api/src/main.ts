import './tracing';
import { bootstrap } from '@cm/platform';
import { ApiModule } from './api.module';
import { configureHttp } from './http/http-hardening';
import { mountOpenApi } from './openapi/mount-openapi';

// Validation, problem+json errors and idempotency are app-wide providers of the ApiModule (requestPipeline),
// authentication and rate limits app-wide guards of the CommandsModule's imports; body limits, security headers, CORS and socket timeouts are set on the HTTP server here.
void bootstrap(ApiModule, {
  bodyParser: false,
  configure: (app, config) => {
    configureHttp(app, config);
    mountOpenApi(app);
  },
});
