import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, AppIdentity } from './config/config.module';
import { AppConfig } from './config/config.schema';
import { KafkaModule } from './connections/kafka.module';
import { MongoDbModule } from './connections/mongodb.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';

/** What every app has: validated config, JSON logs, MongoDB and Kafka clients, health and metrics endpoints. */
@Module({})
export class PlatformModule {
  static forApp(identity: AppIdentity, config?: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forApp(identity, config),
        LoggingModule,
        MongoDbModule,
        KafkaModule,
        HealthModule,
        MetricsModule,
      ],
      exports: [ConfigModule, MongoDbModule, KafkaModule, HealthModule],
    };
  }
}
