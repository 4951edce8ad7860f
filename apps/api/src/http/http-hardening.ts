import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Server } from 'node:http';
import { AppConfig } from '@cm/platform';
import { jsonBodies, refuseNonJsonBodies, refuseUndecodablePaths } from './body-limits';

/** Request headers a browser page on the console's origin may send, and response headers it may read. */
const corsRequestHeaders = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Consistent-With'];
const corsResponseHeaders = ['ETag', 'Location', 'Retry-After', 'X-Consistency', 'Content-Disposition'];

/**
 * What the api does with a request before any controller sees it: security headers, the CORS policy, the client
 * address behind a trusted proxy, JSON-only bodies of bounded size and depth, and server-side socket timeouts.
 * Both the app (main.ts) and the unit-test harness call it, so the tests exercise the production pipeline; both
 * create the app without Nest's own body parsers.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  if (config.TRUST_PROXY !== undefined) express.set('trust proxy', trustProxyOf(config.TRUST_PROXY));
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // The console (Mantine/React) and the OpenAPI UI set inline styles; scripts stay same-origin only.
          styleSrc: ["'self'", "'unsafe-inline'"],
          // Charts download as data: and blob: URLs.
          imgSrc: ["'self'", 'data:', 'blob:'],
          // The console fetches the OpenID provider's metadata and exchanges its code for tokens there.
          connectSrc: ["'self'", ...(config.OIDC_ISSUER ? [new URL(config.OIDC_ISSUER).origin] : [])],
          frameAncestors: ["'none'"],
          // Behind TLS in production; a plain-http development or staging origin would have its own calls upgraded.
          upgradeInsecureRequests: config.NODE_ENV === 'production' ? [] : null,
        },
      },
    }),
  );
  const origins = config.CORS_ORIGINS?.split(',') ?? [];
  express.enableCors({
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'POST', 'PATCH'],
    allowedHeaders: corsRequestHeaders,
    exposedHeaders: corsResponseHeaders,
    maxAge: 600,
  });
  express.use(refuseUndecodablePaths, refuseNonJsonBodies, jsonBodies);
  const server = app.getHttpServer() as Server;
  // The whole request (headers and body) must arrive within the deadline; headers alone within a third of it.
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(
    config.REQUEST_TIMEOUT_MS,
    Math.max(1_000, Math.round(config.REQUEST_TIMEOUT_MS / 3)),
  );
}

/** TRUST_PROXY as Express reads it: true/false, a hop count, or addresses and subnets (loopback, 10.0.0.0/8). */
function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
