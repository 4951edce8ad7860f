import type { Db } from 'mongodb';
import { commitId, type EventStoreCollections, eventStoreCollections, type OutboxMarkerDocument } from '../collections';
import { findByIds, inServedByIdIndex, takesMultiDocumentWrites } from './key-reads';
import { recordPublished, recordPublishedPerDocument } from './markers';
import type { Outbox, UnpublishedBatch, UnpublishedCommit } from './outbox';

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
  /** Whether the stream's watermark document exists, as far as this reader read or wrote it. */
  stored: boolean;
  /** Whether the last read reached the stream's end; a stream left with more to read is walked again at once. */
  drained: boolean;
}

/** Markers looked at per read; more wait for the next one. */
const MARKERS_PER_READ = 10_000;
/** Where `$in` on `_id` is served by index: commit ids guessed ahead per stream in one read (one-event commits). */
const GUESSES_PER_STREAM = 16;

/** One marked stream as a read walks it. */
interface Walk {
  marker: OutboxMarkerDocument;
  commits: UnpublishedCommit[];
  next: number;
  reachedEnd: boolean;
}

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

  constructor(
    private readonly db: Db,
    options: MongoOutboxOptions = {},
  ) {
    this.collections = eventStoreCollections(db);
    this.settings = { markerGraceMs: 15_000, settleMs: 2_000, ...options };
  }

  /**
   * Few round trips whatever the number of streams: one read of the markers, one of the unknown watermarks, then per
   * round one key read of the next commits of the oldest open streams (see findByIds), as many streams as should fill
   * the batch, until it is full or they are drained.
   */
  async readUnpublished(limit: number, now = Date.now()): Promise<UnpublishedBatch> {
    const markers = await this.collections.outbox.find({}).limit(MARKERS_PER_READ).toArray();
    const due = markers
      .sort((a, b) => a.touchedAt.getTime() - b.touchedAt.getTime())
      .filter((marker) => this.needsWalk(marker, now))
      .slice(0, Math.max(1, limit));
    const walks = await this.startWalks(due, now);
    const guesses = (await inServedByIdIndex(this.db)) ? GUESSES_PER_STREAM : 1;
    // Streams are read deep first, a few at a time: a stream split between two batches costs a second watermark
    // write, and a commit read beyond the batch is decoded for nothing. `perStream` estimates how many events a
    // walked stream gives, from the rounds so far (at first as many as it is asked for).
    let perStream = guesses;
    let collected = 0;
    let open = walks;
    while (open.length > 0 && collected < limit) {
      const before = collected;
      const askedWalks = open.slice(0, Math.ceil((limit - collected) / perStream));
      const asked = new Set(
        askedWalks.flatMap((walk) =>
          Array.from({ length: guesses }, (_, i) => commitId(walk.marker._id, walk.next + i)),
        ),
      );
      const found = await findByIds(this.db, this.collections.commits, [...asked]);
      for (const walk of open) {
        let commit = found.get(commitId(walk.marker._id, walk.next));
        while (commit && collected < limit) {
          walk.commits.push(commit);
          collected += commit.events.length;
          walk.next = commit.end + 1;
          commit = found.get(commitId(walk.marker._id, walk.next));
        }
        walk.reachedEnd = !commit && asked.has(commitId(walk.marker._id, walk.next));
      }
      for (const walk of open) if (walk.reachedEnd) this.progress.get(walk.marker._id)!.drained = true;
      open = open.filter((walk) => !walk.reachedEnd);
      perStream = Math.max(1, (collected - before) / askedWalks.length);
    }
    const streams = walks.map(({ marker, commits, reachedEnd }) => ({
      streamId: marker._id,
      touchedAt: marker.touchedAt,
      commits,
      reachedEnd,
    }));
    const commits = streams.flatMap((stream) => stream.commits);
    return { markedStreams: markers.length, streams, commits, events: commits.flatMap((commit) => commit.events) };
  }

  /**
   * One write of the raised watermarks, then one of the drained markers' removals (each only if untouched since); on
   * FerretDB one insert of the streams' first watermarks, then one command per other stream.
   */
  async markPublished(batch: UnpublishedBatch, now = Date.now()): Promise<void> {
    const published: { streamId: string; version: number; stored: boolean }[] = [];
    const drained: Pick<OutboxMarkerDocument, '_id' | 'touchedAt'>[] = [];
    for (const { streamId, touchedAt, commits, reachedEnd } of batch.streams) {
      const progress = this.progress.get(streamId)!;
      const sent = commits.flatMap((commit) => commit.events);
      if (sent.length > 0) {
        progress.watermark = sent[sent.length - 1].version;
        published.push({ streamId, version: progress.watermark, stored: progress.stored });
        progress.stored = true; // if the write fails, the next one is an upsert all the same
      }
      if (reachedEnd && now - touchedAt.getTime() > this.settings.markerGraceMs) {
        drained.push({ _id: streamId, touchedAt });
        this.progress.delete(streamId);
      }
    }
    if (await takesMultiDocumentWrites(this.db)) {
      await recordPublished(this.collections.publication, published);
      if (drained.length > 0) {
        await this.collections.outbox.bulkWrite(
          drained.map(({ _id, touchedAt }) => ({ deleteOne: { filter: { _id, touchedAt } } })),
          { ordered: false },
        );
      }
      return;
    }
    // FerretDB: multi-document updates stalled it (see takesMultiDocumentWrites); inserts in one command, updates not.
    await recordPublishedPerDocument(this.collections.publication, published);
    await Promise.all(drained.map((marker) => this.collections.outbox.deleteOne(marker)));
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
    if (!progress || progress.touchedAt !== touchedAt || !progress.drained) return true;
    const settled = progress.walkedAt - touchedAt > this.settings.settleMs;
    const dueForRemoval = now - touchedAt > this.settings.markerGraceMs;
    return !settled || dueForRemoval;
  }

  /** The walks of the due streams, each from its published watermark (the unknown ones read in one go). */
  private async startWalks(due: OutboxMarkerDocument[], now: number): Promise<Walk[]> {
    const unknown = due.filter((marker) => !this.progress.has(marker._id)).map((marker) => marker._id);
    const watermarks = await findByIds(this.db, this.collections.publication, unknown);
    return due.map((marker) => {
      let progress = this.progress.get(marker._id);
      if (!progress) {
        const stored = watermarks.get(marker._id);
        progress = { touchedAt: 0, walkedAt: 0, drained: false, watermark: stored?.version ?? 0, stored: !!stored };
        this.progress.set(marker._id, progress);
      }
      progress.touchedAt = marker.touchedAt.getTime();
      progress.walkedAt = now;
      progress.drained = false;
      return { marker, commits: [], next: progress.watermark + 1, reachedEnd: false };
    });
  }
}
