import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { APP_CONFIG, AppConfig, KAFKA } from '@cm/platform';
import { ensureEventTopics } from '@cm/messaging';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The relay is the one owner of the event topics: it creates any that are missing when it starts (in Kubernetes the
 * KafkaTopic resources declare them first and it finds them present). The projector and the api's live feed never
 * create them; they wait until they exist. A broker that is down at start is not fatal: readiness reports it, and
 * the creation is retried in the background until it succeeds.
 */
@Injectable()
export class EventTopics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventTopics.name);
  private stopped = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    // Awaited for a broker that answers; in the background for one that does not.
    const first = this.ensure();
    void first.then((done) => (done ? undefined : this.retry()));
    return first.then(() => undefined);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private async retry(): Promise<void> {
    let delay = 1_000;
    do {
      await pause(delay);
      delay = Math.min(delay * 2, 10_000);
    } while (!this.stopped && !(await this.ensure()));
  }

  private async ensure(): Promise<boolean> {
    try {
      const created = await ensureEventTopics(this.kafka, {
        prefix: this.config.KAFKA_TOPIC_PREFIX,
        partitions: this.config.KAFKA_PARTITIONS,
        replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      });
      this.logger.log(created.length ? `created topics ${created.join(', ')}` : 'event topics present');
      return true;
    } catch (error) {
      this.logger.error(`could not ensure event topics yet, retrying: ${(error as Error).message}`);
      return false;
    }
  }
}
