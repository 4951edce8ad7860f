import { Inject, Module } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';
import { APP_IDENTITY, AppIdentity } from '../config/config.module';
import { MetricsController } from './metrics.controller';

/** Prometheus metrics on `/metrics`: process and runtime defaults, plus what each app registers itself. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {
  constructor(@Inject(APP_IDENTITY) identity: AppIdentity) {
    register.setDefaultLabels({ app: identity.name });
    if (!register.getSingleMetric('process_cpu_seconds_total')) collectDefaultMetrics({ register });
  }
}
