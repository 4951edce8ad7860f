import { Controller, Get, INestApplication, MiddlewareConsumer, Module, NestModule, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { register } from 'prom-client';
import { httpRequestDuration, HttpMetricsMiddleware } from './http-metrics.middleware';

@Controller('needs')
class NeedsController {
  @Get(':id')
  one(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [NeedsController] })
class TimedModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}

describe('HttpMetricsMiddleware', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TimedModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app.close());

  const countOf = async (labels: Record<string, string>) => {
    const { values } = await httpRequestDuration().get();
    const match = values.find(
      (value) =>
        value.metricName === 'http_request_duration_seconds_count' &&
        Object.entries(labels).every(
          ([name, expected]) => (value.labels as Record<string, unknown>)[name] === expected,
        ),
    );
    return match?.value ?? 0;
  };

  it('counts requests under the route pattern, not the raw path, with method and status', async () => {
    const before = await countOf({ method: 'GET', route: '/needs/:id', status: '200' });
    await fetch(`${base}/needs/N-1`);
    await fetch(`${base}/needs/N-2`);
    expect(await countOf({ method: 'GET', route: '/needs/:id', status: '200' })).toBe(before + 2);
    const exposed = await register.metrics();
    expect(exposed).toContain('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/needs/:id"');
    expect(exposed).not.toContain('N-1');
  });

  it('counts a request no route matched as unmatched, so unknown paths cannot multiply the series', async () => {
    const before = await countOf({ route: 'unmatched', status: '404' });
    await fetch(`${base}/nowhere/${Date.now()}`);
    expect(await countOf({ route: 'unmatched', status: '404' })).toBe(before + 1);
  });
});
