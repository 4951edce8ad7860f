import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { Db } from 'mongodb';
import { APP_CONFIG, AppConfig, KAFKA, MONGO_DB } from '@cm/platform';
import { MongoOutbox, OutboxLease } from '@cm/event-store';
import { OutboxRelay } from '@cm/messaging';

/** Runs the outbox relay in this process for as long as the app lives; a standby instance waits for the lease. */
@Injectable()
export class OutboxPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxPublisher.name);
  private readonly producer: Producer;
  private readonly relay: OutboxRelay;

  constructor(@Inject(KAFKA) kafka: Kafka, @Inject(MONGO_DB) db: Db, @Inject(APP_CONFIG) config: AppConfig) {
    // No retries inside kafkajs: its send retry skips every broker that answered the first attempt, so messages for a
    // partition whose leader died and moved to such a broker are dropped while the send resolves (kafkajs 2.2.4,
    // src/producer/sendMessages.js; tulios/kafkajs#1303, #1798). The cluster proof lost 2 of 1,220 events that way
    // when it killed the controller. A failed send now fails the relay's pass, which sends the batch again from the
    // published watermark with fresh metadata: at least once, a repeat only as the same event (consumers skip
    // applied versions). kafkajs refuses idempotence without retries, hence not idempotent; one request in flight
    // keeps each partition in order.
    this.producer = kafka.producer({ idempotent: false, maxInFlightRequests: 1, retry: { retries: 0 } });
    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const lease = new OutboxLease(db, { name: 'outbox-relay', owner, ttlMs: config.RELAY_LEASE_TTL_MS });
    this.relay = new OutboxRelay(new MongoOutbox(db), this.producer, lease, {
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      batchSize: config.RELAY_BATCH_SIZE,
    });
  }

  /** Kafka may be down at start: the producer connects in the background and the relay retries with backoff. */
  onApplicationBootstrap(): void {
    void this.producer
      .connect()
      .then(() => this.relay.start())
      .catch((error: Error) => {
        this.logger.warn(`Kafka producer not connected yet (${error.message}); the relay retries`);
        this.relay.start();
      });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
    this.logger.log('outbox relay stopped');
  }
}
