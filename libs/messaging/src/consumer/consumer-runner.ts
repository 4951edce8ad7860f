import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { BatchHandler, ConsumedMessage, consumedOf, MessageHandler } from './consumed-message';
import { ConsumerMetrics } from './consumer-metrics';
import { traced } from './consumer-tracing';
import { DeadLetters } from './dead-letters';
import { retrying, RetryOutcome } from './retrying';

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
  /** How long the group waits for a silent member before moving its partitions (default 12 s). */
  sessionTimeoutMs?: number;
  metrics?: ConsumerMetrics;
}

type Control = Pick<EachBatchPayload, 'heartbeat' | 'isRunning'>;

/**
 * Runs one handler per message for a consumer group. Offsets are resolved only after the handler succeeded (so a
 * crash replays, and handlers must be idempotent); failures are retried with exponential backoff and, after the last
 * attempt, the message goes to a dead-letter topic with the error and its coordinates, and the group moves on.
 * `stop()` lets the message in hand finish.
 */
export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly deadLetters: DeadLetters;
  private readonly logger: Logger;
  private readonly metrics: ConsumerMetrics;
  private readonly settings: Required<Omit<ConsumerRunnerOptions, 'metrics' | 'handleBatch'>> &
    Pick<ConsumerRunnerOptions, 'handleBatch'>;

  constructor(kafka: Kafka, options: ConsumerRunnerOptions) {
    this.settings = {
      maxAttempts: 5,
      initialBackoffMs: 100,
      maxBackoffMs: 5_000,
      fromBeginning: true,
      sessionTimeoutMs: 12_000,
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
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: 3_000,
      retry: { retries: 10, maxRetryTime: 5_000 },
    });
    this.deadLetters = new DeadLetters(
      kafka,
      options.groupId,
      this.settings.replicationFactor,
      this.metrics,
      this.logger,
    );
  }

  async start(): Promise<void> {
    await this.deadLetters.prepare(this.settings.topics);
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
    await this.deadLetters.close();
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const labels = { group: this.settings.groupId, topic: batch.topic, partition: String(batch.partition) };
    const progressed = (message: KafkaMessage) => {
      resolveOffset(message.offset);
      this.metrics.lag.set(labels, Math.max(0, Number(batch.highWatermark) - Number(message.offset) - 1));
      const caughtUp = Number(batch.highWatermark) - Number(message.offset) <= 1;
      this.metrics.lagSeconds.set(labels, caughtUp ? 0 : Math.max(0, (Date.now() - Number(message.timestamp)) / 1000));
    };
    const messages = batch.messages.map((message) => consumedOf(batch.topic, batch.partition, message));
    if (this.settings.handleBatch && messages.length > 1 && isRunning() && !isStale()) {
      const handled = await this.processWhole(messages, payload);
      if (handled) {
        batch.messages.forEach(progressed);
        await commitOffsetsIfNecessary();
        await heartbeat();
        return;
      }
      if (!isRunning()) return;
    }
    for (const [index, message] of messages.entries()) {
      if (!isRunning() || isStale()) break;
      const done = await this.processMessage(message, payload);
      if (!done) break; // stopping while retrying: the message stays unresolved and is redelivered later
      progressed(batch.messages[index]);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /** The batch handler with retries; false when it kept failing (or a stop came) and messages must go one by one. */
  private async processWhole(messages: ConsumedMessage[], control: Control): Promise<boolean> {
    const { topic, partition } = messages[0];
    const result = await this.attempt(messages, control, `${topic}[${partition}] batch of ${messages.length}`, () =>
      this.settings.handleBatch!(messages),
    );
    if (result.outcome === 'exhausted') {
      this.logger.warn(
        `${topic}[${partition}] batch of ${messages.length} failed ${result.attempts} times ` +
          `(${result.error.message}): applying its messages one by one`,
      );
    }
    return result.outcome === 'done';
  }

  /** True when the message is finished with (handled or dead-lettered); false when abandoned because of a stop. */
  private async processMessage(message: ConsumedMessage, control: Control): Promise<boolean> {
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    const result = await this.attempt([message], control, where, () => this.settings.handle(message));
    if (result.outcome === 'exhausted') await this.deadLetters.send(message, result.error, result.attempts);
    return result.outcome !== 'stopped';
  }

  /** One backoff loop for both: counts every message processed and every failed attempt. */
  private async attempt(
    messages: ConsumedMessage[],
    { heartbeat, isRunning }: Control,
    where: string,
    apply: () => Promise<void>,
  ): Promise<RetryOutcome> {
    const { groupId } = this.settings;
    const topic = messages[0].topic;
    const result = await retrying(
      this.settings,
      {
        isRunning,
        heartbeat,
        onFailure: () => this.metrics.failures.inc({ group: groupId, topic }),
        onRetry: (error, attempt) => this.logger.warn(`${where} attempt ${attempt} failed: ${error.message}`),
      },
      () => traced(groupId, messages, apply),
    );
    if (result.outcome === 'done') {
      this.metrics.messages.inc({ group: groupId, topic, outcome: 'processed' }, messages.length);
    }
    return result;
  }
}
