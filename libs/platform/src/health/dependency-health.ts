import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { KAFKA } from '../connections/kafka.module';
import { MONGO_CLIENT } from '../connections/mongodb.module';

const CHECK_TIMEOUT_MS = 2_500;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Readiness of the two servers every app depends on: MongoDB answers ping, Kafka answers a metadata request. */
@Injectable()
export class DependencyHealth {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MONGO_CLIENT) private readonly mongo: MongoClient,
    @Inject(KAFKA) private readonly kafkaClient: Kafka,
  ) {}

  async mongodb(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('mongodb');
    try {
      await withTimeout(this.mongo.db('admin').command({ ping: 1 }), 'MongoDB');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  async kafka(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('kafka');
    const admin = this.kafkaClient.admin({ retry: { retries: 0 } });
    try {
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        'Kafka',
      );
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
