import { Logger } from '@nestjs/common';
import { Db } from 'mongodb';
import { Message, Producer } from 'kafkajs';
import { inSpanPerItem, SpanKind, TraceCarrier, tracingStarted } from '@cm/observability';
import {
  commitId,
  CommitDocument,
  EventEnvelope,
  EventStoreCollections,
  eventStoreCollections,
  OutboxMarkerDocument,
} from '@cm/event-store';
import { StreamType, topicFor } from '../topics';
import { Lease } from './lease';
import { RelayMetrics } from './relay-metrics';

export interface OutboxRelayOptions {
  topicPrefix: string;
  /** Most events sent in one awaited request. */
  batchSize?: number;
  idleDelayMs?: number;
  /** A marker is removed only this long after its last touch, so an append in flight is never missed. */
  markerGraceMs?: number;
  /** An unchanged marker is walked again until this long after its touch (its commit may land a moment later). */
  settleMs?: number;
  maxBackoffMs?: number;
}

interface StreamProgress {
  touchedAt: number;
  walkedAt: number;
  watermark: number;
}

const WALK_CONCURRENCY = 16;

/** The part of a commit the relay sends: its events, and the trace of the request that appended them. */
type Unpublished = Pick<CommitDocument, 'events' | 'trace'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes every stored event to Kafka, in stream order, at least once. Work is found through the small outbox
 * collection (streams with possibly unpublished events), never by scanning events; per stream it walks commits by
 * `_id` from the published watermark. One awaited send at a time, acks from all in-sync replicas; a send that fails
 * fails the pass, which walks and sends again from the watermark (the relay app's producer does not retry itself).
 */
export class OutboxRelay {
  private readonly collections: EventStoreCollections;
  private readonly progress = new Map<string, StreamProgress>();
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly settings: Required<OutboxRelayOptions>;
  private running: Promise<void> | null = null;
  private renewal: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    db: Db,
    private readonly producer: Producer,
    private readonly lease: Lease,
    options: OutboxRelayOptions,
    private readonly metrics = new RelayMetrics(),
  ) {
    this.collections = eventStoreCollections(db);
    this.settings = {
      batchSize: 500,
      idleDelayMs: 50,
      markerGraceMs: 15_000,
      settleMs: 2_000,
      maxBackoffMs: 5_000,
      ...options,
    };
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
    const markers = await this.collections.outbox.find({}).limit(10_000).toArray();
    this.metrics.outboxStreams.set(markers.length);
    const batch: { marker: OutboxMarkerDocument; commits: Unpublished[]; reachedEnd: boolean }[] = [];
    let collected = 0;
    const due = markers
      .sort((a, b) => a.touchedAt.getTime() - b.touchedAt.getTime())
      .filter((marker) => this.needsWalk(marker, now));
    // Streams are independent, so their commits are read concurrently, a few streams at a time.
    for (let start = 0; start < due.length && collected < this.settings.batchSize; start += WALK_CONCURRENCY) {
      const share = Math.max(1, Math.ceil((this.settings.batchSize - collected) / WALK_CONCURRENCY));
      const walks = await Promise.all(
        due
          .slice(start, start + WALK_CONCURRENCY)
          .map(async (marker) => ({ marker, ...(await this.walk(marker, share, now)) })),
      );
      for (const walk of walks) {
        batch.push(walk);
        collected += walk.commits.reduce((sum, commit) => sum + commit.events.length, 0);
      }
    }
    const commits = batch.flatMap((entry) => entry.commits);
    const events = commits.flatMap((commit) => commit.events);
    this.metrics.waiting.set(events.length);
    this.metrics.oldestWaitingSeconds.set(oldestAgeSeconds(events, now));
    if (events.length > 0) {
      if (!this.lease.isHeld()) return 0;
      try {
        await this.send(commits);
      } catch (error) {
        // Walk these streams again on the next pass, from the same watermark, rather than once they count as settled.
        for (const { marker } of batch) this.progress.get(marker._id)!.touchedAt = 0;
        throw error;
      }
      this.metrics.recordPublished(events.length);
      this.metrics.waiting.set(0);
      this.metrics.oldestWaitingSeconds.set(0);
    }
    await Promise.all(
      batch.map(async ({ marker, commits: walked, reachedEnd }) => {
        const progress = this.progress.get(marker._id)!;
        const sent = walked.flatMap((commit) => commit.events);
        if (sent.length > 0) {
          progress.watermark = sent[sent.length - 1].version;
          await this.collections.publication.updateOne(
            { _id: marker._id },
            { $max: { version: progress.watermark } },
            { upsert: true },
          );
        }
        if (reachedEnd && now - marker.touchedAt.getTime() > this.settings.markerGraceMs) {
          await this.collections.outbox.deleteOne({ _id: marker._id, touchedAt: marker.touchedAt });
          this.progress.delete(marker._id);
        }
      }),
    );
    return events.length;
  }

  private needsWalk(marker: OutboxMarkerDocument, now: number): boolean {
    const progress = this.progress.get(marker._id);
    const touchedAt = marker.touchedAt.getTime();
    if (!progress || progress.touchedAt !== touchedAt) return true;
    const settled = progress.walkedAt - touchedAt > this.settings.settleMs;
    const dueForRemoval = now - touchedAt > this.settings.markerGraceMs;
    return !settled || dueForRemoval;
  }

  private async walk(marker: OutboxMarkerDocument, limit: number, now: number) {
    let progress = this.progress.get(marker._id);
    if (!progress) {
      const published = await this.collections.publication.findOne({ _id: marker._id });
      progress = { touchedAt: 0, walkedAt: 0, watermark: published?.version ?? 0 };
      this.progress.set(marker._id, progress);
    }
    progress.touchedAt = marker.touchedAt.getTime();
    progress.walkedAt = now;
    const commits: Unpublished[] = [];
    let walked = 0;
    let next = progress.watermark + 1;
    while (walked < limit) {
      const commit = await this.collections.commits.findOne({ _id: commitId(marker._id, next) });
      if (!commit) return { commits, reachedEnd: true };
      commits.push(commit);
      walked += commit.events.length;
      next = commit.end + 1;
    }
    return { commits, reachedEnd: false };
  }

  /**
   * One awaited batch; each traced commit gets a send span, child of its request's trace (stored with the commit),
   * whose context goes to the projectors in the W3C `traceparent` header. `cm.outbox.wait_ms` is the relay's lag.
   */
  private async send(commits: Unpublished[]): Promise<void> {
    const now = Date.now();
    const topicOf = (event: EventEnvelope) => topicFor(event.streamType as StreamType, this.settings.topicPrefix);
    // Off: no items, so nothing is built per commit and every carrier is undefined.
    const traced = (tracingStarted() ? commits : []).map((commit) => ({
      carrier: commit.trace,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topicOf(commit.events[0]),
        'messaging.kafka.message.key': commit.events[0].streamId,
        'messaging.batch.message_count': commit.events.length,
        'cm.event.types': commit.events.map((event) => event.type).join(','),
        'cm.outbox.wait_ms': Math.max(0, now - Date.parse(commit.events[0].recordedAt)),
      },
    }));
    await inSpanPerItem(
      (item) => `send ${String(item.attributes['messaging.destination.name'])}`,
      SpanKind.PRODUCER,
      traced,
      async (carriers) => {
        const byTopic = new Map<string, Message[]>();
        commits.forEach((commit, index) => {
          for (const event of commit.events) {
            const messages = byTopic.get(topicOf(event)) ?? [];
            messages.push(this.messageOf(event, carriers[index]));
            byTopic.set(topicOf(event), messages);
          }
        });
        const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
        await this.producer.sendBatch({ acks: -1, topicMessages });
      },
    );
  }

  private messageOf(event: EventEnvelope, trace: TraceCarrier | undefined): Message {
    return {
      key: event.streamId,
      value: JSON.stringify(event),
      headers: {
        type: event.type,
        eventId: event.eventId,
        streamType: event.streamType,
        schemaVersion: String(event.schemaVersion),
        ...trace,
      },
    };
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
          this.progress.clear(); // another relay may have published meanwhile
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
