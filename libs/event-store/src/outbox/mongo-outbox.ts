import type { Db } from 'mongodb';
import { commitId, type EventStoreCollections, eventStoreCollections, type OutboxMarkerDocument } from '../collections';
import type { Outbox, UnpublishedBatch, UnpublishedCommit, UnpublishedStream } from './outbox';

export interface MongoOutboxOptions {
  /** A marker is removed only this long after its last touch, so an append in flight is never missed. */
  markerGraceMs?: number;
  /** An unchanged marker is walked again until this long after its touch (its commit may land a moment later). */
  settleMs?: number;
}

/** What this reader knows of a marked stream between two reads. */
interface StreamProgress {
  touchedAt: number;
  walkedAt: number;
  watermark: number;
}

/** Streams are independent, so their commits are read concurrently, this many streams at a time. */
const WALK_CONCURRENCY = 16;
/** Markers looked at per read; more wait for the next one. */
const MARKERS_PER_READ = 10_000;

/**
 * The outbox over the store's own documents. Work is found through the small marker collection (streams with
 * possibly unpublished events), never by scanning events; per stream it walks commits by `_id` from the published
 * watermark. A marker is removed once its stream is drained and the marker is older than the grace period, and only
 * if no append touched it since it was read.
 */
export class MongoOutbox implements Outbox {
  private readonly collections: EventStoreCollections;
  private readonly progress = new Map<string, StreamProgress>();
  private readonly settings: Required<MongoOutboxOptions>;

  constructor(db: Db, options: MongoOutboxOptions = {}) {
    this.collections = eventStoreCollections(db);
    this.settings = { markerGraceMs: 15_000, settleMs: 2_000, ...options };
  }

  async readUnpublished(limit: number, now = Date.now()): Promise<UnpublishedBatch> {
    const markers = await this.collections.outbox.find({}).limit(MARKERS_PER_READ).toArray();
    const streams: UnpublishedStream[] = [];
    let collected = 0;
    const due = markers
      .sort((a, b) => a.touchedAt.getTime() - b.touchedAt.getTime())
      .filter((marker) => this.needsWalk(marker, now));
    for (let start = 0; start < due.length && collected < limit; start += WALK_CONCURRENCY) {
      const share = Math.max(1, Math.ceil((limit - collected) / WALK_CONCURRENCY));
      const walks = await Promise.all(
        due.slice(start, start + WALK_CONCURRENCY).map((marker) => this.walk(marker, share, now)),
      );
      for (const walk of walks) {
        streams.push(walk);
        collected += walk.commits.reduce((sum, commit) => sum + commit.events.length, 0);
      }
    }
    const commits = streams.flatMap((stream) => stream.commits);
    return { markedStreams: markers.length, streams, commits, events: commits.flatMap((commit) => commit.events) };
  }

  async markPublished(batch: UnpublishedBatch, now = Date.now()): Promise<void> {
    await Promise.all(
      batch.streams.map(async ({ streamId, touchedAt, commits, reachedEnd }) => {
        const progress = this.progress.get(streamId)!;
        const sent = commits.flatMap((commit) => commit.events);
        if (sent.length > 0) {
          progress.watermark = sent[sent.length - 1].version;
          await this.collections.publication.updateOne(
            { _id: streamId },
            { $max: { version: progress.watermark } },
            { upsert: true },
          );
        }
        if (reachedEnd && now - touchedAt.getTime() > this.settings.markerGraceMs) {
          await this.collections.outbox.deleteOne({ _id: streamId, touchedAt });
          this.progress.delete(streamId);
        }
      }),
    );
  }

  retryLater(batch: UnpublishedBatch): void {
    // Walked again on the next read, from the same watermark, rather than once they count as settled.
    for (const { streamId } of batch.streams) this.progress.get(streamId)!.touchedAt = 0;
  }

  forgetProgress(): void {
    this.progress.clear();
  }

  private needsWalk(marker: OutboxMarkerDocument, now: number): boolean {
    const progress = this.progress.get(marker._id);
    const touchedAt = marker.touchedAt.getTime();
    if (!progress || progress.touchedAt !== touchedAt) return true;
    const settled = progress.walkedAt - touchedAt > this.settings.settleMs;
    const dueForRemoval = now - touchedAt > this.settings.markerGraceMs;
    return !settled || dueForRemoval;
  }

  private async walk(marker: OutboxMarkerDocument, limit: number, now: number): Promise<UnpublishedStream> {
    let progress = this.progress.get(marker._id);
    if (!progress) {
      const published = await this.collections.publication.findOne({ _id: marker._id });
      progress = { touchedAt: 0, walkedAt: 0, watermark: published?.version ?? 0 };
      this.progress.set(marker._id, progress);
    }
    progress.touchedAt = marker.touchedAt.getTime();
    progress.walkedAt = now;
    const stream = { streamId: marker._id, touchedAt: marker.touchedAt };
    const commits: UnpublishedCommit[] = [];
    let walked = 0;
    let next = progress.watermark + 1;
    while (walked < limit) {
      const commit = await this.collections.commits.findOne({ _id: commitId(marker._id, next) });
      if (!commit) return { ...stream, commits, reachedEnd: true };
      commits.push(commit);
      walked += commit.events.length;
      next = commit.end + 1;
    }
    return { ...stream, commits, reachedEnd: false };
  }
}
