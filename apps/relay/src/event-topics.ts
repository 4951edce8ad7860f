import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { APP_CONFIG, AppConfig, KAFKA } from '@cm/platform';
import { ensureEventTopics } from '@cm/messaging';

/**
 * The relay owns the event topics: it creates any that are missing when it starts. A broker that is down at start
 * is not fatal; readiness reports it and the next start creates the topics.
 */
@Injectable()
export class EventTopics implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventTopics.name);

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const created = await ensureEventTopics(this.kafka, {
        prefix: this.config.KAFKA_TOPIC_PREFIX,
        partitions: this.config.KAFKA_PARTITIONS,
        replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      });
      this.logger.log(created.length ? `created topics ${created.join(', ')}` : 'event topics present');
    } catch (error) {
      this.logger.error(`could not ensure event topics: ${(error as Error).message}`);
    }
  }
}
