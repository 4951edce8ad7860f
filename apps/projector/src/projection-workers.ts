import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Db } from 'mongodb';
import { APP_CONFIG, AppConfig, KAFKA, MONGO_DB } from '@cm/platform';
import { ProjectionWorker, projectionSetNames } from '@cm/read-models';

/**
 * One worker per projection set, each its own consumer group, so that one slow or failing set does not hold the
 * others back and each can be rebuilt alone. Lag per group is in /metrics (consumer_lag_messages, _seconds). The
 * event topics are the relay's to create: a worker that finds its topic missing retries until it exists.
 */
@Injectable()
export class ProjectionWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: ProjectionWorker[];

  constructor(@Inject(MONGO_DB) db: Db, @Inject(KAFKA) kafka: Kafka, @Inject(APP_CONFIG) config: AppConfig) {
    this.workers = projectionSetNames.map(
      (set) =>
        new ProjectionWorker(db, kafka, set, {
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
        }),
    );
  }

  /** Kafka or MongoDB may be down at start: workers retry in the background while readiness reports it. */
  onApplicationBootstrap(): void {
    void Promise.all(this.workers.map((worker) => worker.start()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}
