import { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { Histogram, register as globalRegistry, Registry } from 'prom-client';

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: string } };

export const httpRequestDuration = (registry: Registry = globalRegistry): Histogram<'method' | 'route' | 'status'> =>
  (registry.getSingleMetric('http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'>) ??
  new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, with their duration from arrival to the last byte',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

/**
 * Times every request. The route label is the matched pattern (`/needs/:id`), never the raw path, so that ids do not
 * multiply the series; a request no route matched is counted as `unmatched`.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration = httpRequestDuration();

  use(request: RoutedRequest, response: ServerResponse, next: () => void): void {
    const stop = this.duration.startTimer();
    response.once('finish', () => {
      const pattern = request.route?.path;
      const route = pattern === undefined ? 'unmatched' : `${request.baseUrl ?? ''}${pattern}`;
      stop({ method: request.method ?? 'UNKNOWN', route, status: String(response.statusCode) });
    });
    next();
  }
}
