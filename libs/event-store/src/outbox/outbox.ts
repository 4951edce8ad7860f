import type { CommitDocument } from '../collections';
import type { EventEnvelope } from '../envelope';

/** One command's events as they wait for the broker: one stream's, in order, and the trace of the request. */
export type UnpublishedCommit = Pick<CommitDocument, 'events' | 'trace'>;

/** One marked stream's share of a batch. */
export interface UnpublishedStream {
  streamId: string;
  /** When the stream's outbox marker was last written: a removal only succeeds if it was not touched since. */
  touchedAt: Date;
  commits: UnpublishedCommit[];
  /** True when no commit follows the last one read (the stream is drained up to now). */
  reachedEnd: boolean;
}

export interface UnpublishedBatch {
  /** How many streams are marked as possibly having unpublished events (the backlog's breadth). */
  markedStreams: number;
  streams: UnpublishedStream[];
  /** The commits to publish, stream after stream, each stream's in version order. */
  commits: UnpublishedCommit[];
  events: EventEnvelope[];
}

/**
 * The event store's publication side, drained by one publisher at a time (it holds the OutboxLease): read what Kafka
 * has not acknowledged yet, then record what it has. Delivery is at least once: a batch that was read but not marked
 * published is read again.
 */
export interface Outbox {
  /** Up to about `limit` unpublished events from the marked streams, oldest mark first, in stream order. */
  readUnpublished(limit: number, now?: number): Promise<UnpublishedBatch>;
  /** After the broker acknowledged the batch: advance each stream's watermark and drop the drained markers. */
  markPublished(batch: UnpublishedBatch, now?: number): Promise<void>;
  /** After a failed send: read these streams again on the next call, from the same watermark. */
  retryLater(batch: UnpublishedBatch): void;
  /** Forgets the watermarks this reader remembers, e.g. once another publisher may have published meanwhile. */
  forgetProgress(): void;
}
