import { Logger } from '@nestjs/common';
import { Producer } from 'kafkajs';
import type { EventEnvelope, Outbox, OutboxLease } from '@cm/event-store';
import { publishCommits } from './publish-commits';
import { RelayMetrics } from './relay-metrics';

export interface OutboxRelayOptions {
  topicPrefix: string;
  /** Most events sent in one awaited request. */
  batchSize?: number;
  idleDelayMs?: number;
  maxBackoffMs?: number;
}

/** What the relay needs of its lease: it publishes only while it holds one. */
export type RelayLease = Pick<OutboxLease, 'token' | 'isHeld' | 'tryAcquire' | 'release'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes every stored event to Kafka, in stream order, at least once: it drains the event store's outbox while it
 * holds the lease. One awaited send at a time, acks from all in-sync replicas; a send that fails fails the pass,
 * which reads and sends again from the published watermark (the relay app's producer does not retry itself).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly settings: Required<OutboxRelayOptions>;
  private running: Promise<void> | null = null;
  private renewal: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly producer: Producer,
    private readonly lease: RelayLease,
    options: OutboxRelayOptions,
    private readonly metrics = new RelayMetrics(),
  ) {
    this.settings = { batchSize: 500, idleDelayMs: 50, maxBackoffMs: 5_000, ...options };
  }

  /** `renewEveryMs` must be well under the lease's time to live; renewal runs even while a send is in flight. */
  start(renewEveryMs = 2_000): void {
    this.stopping = false;
    this.running ??= this.loop().finally(() => (this.running = null));
    this.renewal ??= setInterval(() => {
      if (this.lease.token === null) return;
      this.lease
        .tryAcquire()
        .then((held) => this.metrics.leaseHeld.set(held ? 1 : 0))
        .catch((error: Error) => this.logger.warn(`lease renewal failed: ${error.message}`));
    }, renewEveryMs);
  }

  /** Finishes the batch in hand, then releases the lease so a standby relay can take over at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    await this.running;
    await this.lease.release().catch(() => undefined);
    this.metrics.leaseHeld.set(0);
  }

  /** One pass: publishes what is waiting (up to a batch) and returns how many events Kafka acknowledged. */
  async publishWaiting(now = Date.now()): Promise<number> {
    const batch = await this.outbox.readUnpublished(this.settings.batchSize, now);
    this.metrics.outboxStreams.set(batch.markedStreams);
    const { events } = batch;
    this.metrics.waiting.set(events.length);
    this.metrics.oldestWaitingSeconds.set(oldestAgeSeconds(events, now));
    if (events.length > 0) {
      if (!this.lease.isHeld()) return 0;
      try {
        await publishCommits(this.producer, batch.commits, this.settings.topicPrefix);
      } catch (error) {
        this.outbox.retryLater(batch);
        throw error;
      }
      this.metrics.recordPublished(events.length);
      this.metrics.waiting.set(0);
      this.metrics.oldestWaitingSeconds.set(0);
    }
    await this.outbox.markPublished(batch, now);
    return events.length;
  }

  private async loop(): Promise<void> {
    let backoff = 200;
    while (!this.stopping) {
      try {
        if (!this.lease.isHeld()) {
          const held = await this.lease.tryAcquire();
          this.metrics.leaseHeld.set(held ? 1 : 0);
          if (!held) {
            await sleep(1_000);
            continue;
          }
          this.outbox.forgetProgress(); // another relay may have published meanwhile
          this.logger.log(`publishing lease acquired (token ${this.lease.token})`);
        }
        const published = await this.publishWaiting();
        backoff = 200;
        if (published === 0) await sleep(this.settings.idleDelayMs);
      } catch (error) {
        this.logger.warn(`relay pass failed, retrying in ${backoff} ms: ${(error as Error).message}`);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, this.settings.maxBackoffMs);
      }
    }
  }
}

function oldestAgeSeconds(events: EventEnvelope[], now: number): number {
  if (events.length === 0) return 0;
  const oldest = Math.min(...events.map((event) => Date.parse(event.recordedAt)));
  return Math.max(0, (now - oldest) / 1000);
}
