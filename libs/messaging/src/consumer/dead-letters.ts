import { Logger } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { createTopicsWithLeaders } from '../topic-provisioner';
import { minInsyncReplicasFor } from '../topics';
import type { ConsumedMessage } from './consumed-message';
import type { ConsumerMetrics } from './consumer-metrics';

export const deadLetterTopic = (topic: string, groupId: string) => `${topic}.dlq.${groupId}`;

/**
 * A consumer group's dead-letter topics, `<topic>.dlq.<group>`, one per topic it reads: created by the group itself
 * (they are its own, unlike the event topics it reads), kept forever, and written with the error and the message's
 * coordinates in the headers.
 */
export class DeadLetters {
  private readonly producer: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly replicationFactor: number,
    private readonly metrics: ConsumerMetrics,
    private readonly logger: Logger,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  /**
   * Checks that the topics the group reads exist (the event topics are created by the relay alone: a consumer that
   * starts first fails here, and its owner retries) and creates the group's missing dead-letter topics.
   */
  async prepare(sources: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const absent = sources.filter((topic) => !existing.has(topic));
      if (absent.length > 0) throw new Error(`topics ${absent.join(', ')} do not exist yet`);
      const missing = sources
        .map((topic) => deadLetterTopic(topic, this.groupId))
        .filter((topic) => !existing.has(topic));
      if (missing.length > 0)
        await createTopicsWithLeaders(
          admin,
          missing.map((topic) => this.configOf(topic)),
        );
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  async send(message: ConsumedMessage, error: Error, attempts: number): Promise<void> {
    const topic = deadLetterTopic(message.topic, this.groupId);
    await this.producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq.error': error.message.slice(0, 2_000),
            'dlq.topic': message.topic,
            'dlq.partition': String(message.partition),
            'dlq.offset': message.offset,
            'dlq.group': this.groupId,
            'dlq.attempts': String(attempts),
            'dlq.failedAt': new Date().toISOString(),
          },
        },
      ],
    });
    this.metrics.messages.inc({ group: this.groupId, topic: message.topic, outcome: 'dead_lettered' });
    this.logger.error(
      `${message.topic}[${message.partition}]@${message.offset} dead-lettered to ${topic}: ${error.message}`,
    );
  }

  private configOf(topic: string) {
    return {
      topic,
      numPartitions: 1,
      replicationFactor: this.replicationFactor,
      configEntries: [
        { name: 'retention.ms', value: '-1' },
        { name: 'min.insync.replicas', value: String(minInsyncReplicasFor(this.replicationFactor)) },
      ],
    };
  }
}
