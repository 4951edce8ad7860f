import './tracing';
import { bootstrap } from '@cm/platform';
import { ApiModule } from './api.module';
import { mountOpenApi } from './openapi';

// Validation, problem+json errors, authentication and idempotency are app-wide providers of the CommandsModule.
void bootstrap(ApiModule, { configure: (app) => mountOpenApi(app) });
