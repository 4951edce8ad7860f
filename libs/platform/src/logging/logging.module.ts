import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, APP_IDENTITY, AppIdentity } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's correlation id is kept; otherwise each request gets one, echoed back in the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER] ?? request.headers['x-correlation-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Structured JSON logs (pino) with the request id on every line written while serving a request. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, APP_IDENTITY],
      useFactory: (config: AppConfig, identity: AppIdentity) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          base: { app: identity.name },
          genReqId: requestId,
          customProps: (request: IncomingMessage) => ({ requestId: (request as IncomingMessage & { id: string }).id }),
          autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
          redact: ['req.headers.authorization'],
        },
      }),
    }),
  ],
})
export class LoggingModule {}
