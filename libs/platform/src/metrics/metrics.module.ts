import { Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';
import { APP_IDENTITY, AppIdentity } from '../config/config.module';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';

/** Prometheus metrics on `/metrics`: process and runtime defaults, HTTP request durations, and each app's own. */
@Module({ controllers: [MetricsController] })
export class MetricsModule implements NestModule {
  constructor(@Inject(APP_IDENTITY) identity: AppIdentity) {
    register.setDefaultLabels({ app: identity.name });
    if (!register.getSingleMetric('process_cpu_seconds_total')) collectDefaultMetrics({ register });
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
