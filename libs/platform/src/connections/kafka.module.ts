import { Global, Module } from '@nestjs/common';
import { Kafka, logLevel as KafkaLogLevel } from 'kafkajs';
import { APP_CONFIG, APP_IDENTITY, AppIdentity } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { kafkaLogCreator } from '../logging/kafka-log-creator';

export const KAFKA = Symbol('KAFKA');

/** The kafkajs client shared by a process's producers, consumers and admin; it logs through pino. */
@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [APP_CONFIG, APP_IDENTITY],
      useFactory: (config: AppConfig, identity: AppIdentity) =>
        new Kafka({
          clientId: `${config.KAFKA_CLIENT_ID}-${identity.name}`,
          brokers: config.KAFKA_BROKERS.split(','),
          logLevel: KafkaLogLevel.WARN,
          logCreator: kafkaLogCreator,
          connectionTimeout: 3_000,
          retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 8 },
        }),
    },
  ],
  exports: [KAFKA],
})
export class KafkaModule {}
