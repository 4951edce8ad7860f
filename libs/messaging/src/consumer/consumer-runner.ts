import { Logger } from '@nestjs/common';
import { inSpanPerItem, SpanKind, TracedItem, tracingStarted } from '@cm/observability';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { ConsumerMetrics } from './consumer-metrics';
import { createTopicsWithLeaders } from '../topic-provisioner';
import { minInsyncReplicasFor } from '../topics';

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export type MessageHandler = (message: ConsumedMessage) => Promise<void>;
/** Applies a run of one partition's messages, in order, as one unit (e.g. one read and one write per document). */
export type BatchHandler = (messages: ConsumedMessage[]) => Promise<void>;

export interface ConsumerRunnerOptions {
  groupId: string;
  topics: string[];
  handle: MessageHandler;
  /**
   * Optional: handles a whole fetched batch at once. If it keeps failing, the batch is replayed message by message
   * through `handle`, so only the poison message is dead-lettered.
   */
  handleBatch?: BatchHandler;
  /** Attempts before a message goes to `<topic>.dlq.<group>` (default 5). */
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  fromBeginning?: boolean;
  /** Replication factor of the dead-letter topics it creates. */
  replicationFactor?: number;
  metrics?: ConsumerMetrics;
}

export const deadLetterTopic = (topic: string, groupId: string) => `${topic}.dlq.${groupId}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value ?? '')]));
}

/**
 * Runs one handler per message for a consumer group. Offsets are resolved only after the handler succeeded (so a
 * crash replays, and handlers must be idempotent); failures are retried with exponential backoff and, after the last
 * attempt, the message goes to a dead-letter topic with the error and its coordinates, and the group moves on.
 * `stop()` lets the message in hand finish.
 */
export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;
  private readonly logger: Logger;
  private readonly metrics: ConsumerMetrics;
  private readonly settings: Required<Omit<ConsumerRunnerOptions, 'metrics' | 'handleBatch'>> &
    Pick<ConsumerRunnerOptions, 'handleBatch'>;

  constructor(
    private readonly kafka: Kafka,
    options: ConsumerRunnerOptions,
  ) {
    this.settings = {
      maxAttempts: 5,
      initialBackoffMs: 100,
      maxBackoffMs: 5_000,
      fromBeginning: true,
      ...options,
      // An option passed as undefined (a rebuild without a configured factor) keeps the default.
      replicationFactor: options.replicationFactor ?? 1,
    };
    this.metrics = options.metrics ?? new ConsumerMetrics();
    this.logger = new Logger(`Consumer:${options.groupId}`);
    // A member that died is noticed after its session (12 s, not kafkajs' 30 s) so its partitions move on quickly;
    // reconnection attempts back off to at most 5 s, so a broker that is back is found within seconds.
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 12_000,
      heartbeatInterval: 3_000,
      retry: { retries: 10, maxRetryTime: 5_000 },
    });
    this.deadLetters = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async start(): Promise<void> {
    await this.ensureDeadLetterTopics();
    await this.deadLetters.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.settings.topics, fromBeginning: this.settings.fromBeginning });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      autoCommitInterval: 1_000,
      autoCommitThreshold: 100,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect(); // waits for the batch loop, which stops after the message in hand
    await this.deadLetters.disconnect();
  }

  private async processBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
    commitOffsetsIfNecessary,
  }: EachBatchPayload): Promise<void> {
    const labels = { group: this.settings.groupId, topic: batch.topic, partition: String(batch.partition) };
    const progressed = (message: KafkaMessage) => {
      resolveOffset(message.offset);
      this.metrics.lag.set(labels, Math.max(0, Number(batch.highWatermark) - Number(message.offset) - 1));
      const caughtUp = Number(batch.highWatermark) - Number(message.offset) <= 1;
      this.metrics.lagSeconds.set(labels, caughtUp ? 0 : Math.max(0, (Date.now() - Number(message.timestamp)) / 1000));
    };
    if (this.settings.handleBatch && batch.messages.length > 1 && isRunning() && !isStale()) {
      const handled = await this.processWhole(batch.topic, batch.partition, batch.messages, heartbeat, isRunning);
      if (handled) {
        batch.messages.forEach(progressed);
        await commitOffsetsIfNecessary();
        await heartbeat();
        return;
      }
      if (!isRunning()) return;
    }
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const done = await this.processMessage(batch.topic, batch.partition, message, heartbeat, isRunning);
      if (!done) break; // stopping while retrying: the message stays unresolved and is redelivered later
      progressed(message);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /** The batch handler with retries; false when it kept failing (or a stop came) and messages must go one by one. */
  private async processWhole(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<boolean> {
    const consumed = messages.map((message) => this.consumedOf(topic, partition, message));
    let backoff = this.settings.initialBackoffMs;
    for (let attempt = 1; attempt <= this.settings.maxAttempts; attempt++) {
      try {
        await this.traced(consumed, () => this.settings.handleBatch!(consumed));
        this.metrics.messages.inc({ group: this.settings.groupId, topic, outcome: 'processed' }, messages.length);
        return true;
      } catch (error) {
        this.metrics.failures.inc({ group: this.settings.groupId, topic });
        this.logger.warn(
          `${topic}[${partition}] batch of ${messages.length} attempt ${attempt} failed: ${(error as Error).message}`,
        );
        if (!isRunning() || attempt === this.settings.maxAttempts) return false;
        await sleep(backoff);
        await heartbeat();
        backoff = Math.min(backoff * 2, this.settings.maxBackoffMs);
      }
    }
    return false;
  }

  /**
   * Each message that carries a trace (W3C `traceparent` header, set by the relay) gets a process span, child of the
   * relay's send; `cm.consumer.lag_ms` is how long after the send it was applied.
   */
  private traced(messages: ConsumedMessage[], apply: () => Promise<void>): Promise<void> {
    if (!tracingStarted()) return apply();
    const now = Date.now();
    const items: TracedItem[] = messages.map((message) => ({
      carrier: message.headers,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': this.settings.groupId,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.batch.message_count': messages.length,
        'cm.event.type': message.headers.type,
        'cm.consumer.lag_ms': Math.max(0, now - Number(message.timestamp)),
      },
    }));
    const topic = messages[0].topic;
    return inSpanPerItem(() => `process ${topic}`, SpanKind.CONSUMER, items, apply);
  }

  private consumedOf(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
    return {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      value: message.value,
      headers: headersOf(message.headers),
      timestamp: message.timestamp,
    };
  }

  /** True when the message is finished with (handled or dead-lettered); false when abandoned because of a stop. */
  private async processMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<boolean> {
    const consumed = this.consumedOf(topic, partition, message);
    let backoff = this.settings.initialBackoffMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.traced([consumed], () => this.settings.handle(consumed));
        this.metrics.messages.inc({ group: this.settings.groupId, topic, outcome: 'processed' });
        return true;
      } catch (error) {
        this.metrics.failures.inc({ group: this.settings.groupId, topic });
        if (attempt >= this.settings.maxAttempts) {
          await this.deadLetter(consumed, error as Error, attempt);
          return true;
        }
        if (!isRunning()) return false;
        this.logger.warn(
          `${topic}[${partition}]@${message.offset} attempt ${attempt} failed: ${(error as Error).message}`,
        );
        await sleep(backoff);
        await heartbeat();
        backoff = Math.min(backoff * 2, this.settings.maxBackoffMs);
      }
    }
  }

  private async deadLetter(message: ConsumedMessage, error: Error, attempts: number): Promise<void> {
    const topic = deadLetterTopic(message.topic, this.settings.groupId);
    await this.deadLetters.send({
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
            'dlq.group': this.settings.groupId,
            'dlq.attempts': String(attempts),
            'dlq.failedAt': new Date().toISOString(),
          },
        },
      ],
    });
    this.metrics.messages.inc({ group: this.settings.groupId, topic: message.topic, outcome: 'dead_lettered' });
    this.logger.error(
      `${message.topic}[${message.partition}]@${message.offset} dead-lettered to ${topic}: ${error.message}`,
    );
  }

  private async ensureDeadLetterTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = this.settings.topics
        .map((topic) => deadLetterTopic(topic, this.settings.groupId))
        .filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await createTopicsWithLeaders(
        admin,
        missing.map((topic) => ({
          topic,
          numPartitions: 1,
          replicationFactor: this.settings.replicationFactor,
          configEntries: [
            { name: 'retention.ms', value: '-1' },
            { name: 'min.insync.replicas', value: String(minInsyncReplicasFor(this.settings.replicationFactor)) },
          ],
        })),
      );
    } finally {
      await admin.disconnect();
    }
  }
}
