import { Collection, Db } from 'mongodb';
import type { TraceCarrier } from '@cm/observability';
import { EventEnvelope } from './envelope';

/**
 * One command's events: a single document, so an append is one atomic insert on any MongoDB-wire server (FerretDB
 * has no transactions). `_id` = `<streamId>#<first version>`: two writers deciding on the same stream version
 * collide on the primary key, which is the optimistic-concurrency check, and every lookup is an `_id` lookup.
 */
export interface CommitDocument {
  _id: string;
  streamId: string;
  streamType: string;
  start: number;
  end: number;
  commandId: string;
  lastHash: string;
  events: EventEnvelope[];
  recordedAt: Date;
  /**
   * W3C trace context of the request that appended it, when traced, so the relay's send continues that trace. Kept
   * beside the events, outside their hashes: it says how the command travelled, not what happened, and commits
   * written before tracing existed verify unchanged.
   */
  trace?: TraceCarrier;
}

export interface CommitSummary {
  start: number;
  end: number;
  commandId: string;
  lastHash: string;
}

/**
 * Where a stream's commits are, so a read fetches them by `_id` in parallel. Written after the commit; when a crash
 * loses that write, readers find the newer commit by probing the next `_id` and repair the head.
 */
export interface StreamHeadDocument {
  _id: string;
  streamType: string;
  version: number;
  commits: CommitSummary[];
}

/** "This stream may have events Kafka has not seen": written before the commit, drained by the relay. */
export interface OutboxMarkerDocument {
  _id: string;
  streamType: string;
  touchedAt: Date;
}

/** The relay's published-version watermark per stream. */
export interface PublicationDocument {
  _id: string;
  version: number;
}

export interface EventStoreCollections {
  commits: Collection<CommitDocument>;
  heads: Collection<StreamHeadDocument>;
  outbox: Collection<OutboxMarkerDocument>;
  publication: Collection<PublicationDocument>;
}

export function eventStoreCollections(db: Db): EventStoreCollections {
  return {
    commits: db.collection<CommitDocument>('event_commits'),
    heads: db.collection<StreamHeadDocument>('event_streams'),
    outbox: db.collection<OutboxMarkerDocument>('event_outbox'),
    publication: db.collection<PublicationDocument>('event_publication'),
  };
}

export const commitId = (streamId: string, start: number): string => `${streamId}#${start}`;

/**
 * Every lookup the store makes is by `_id`, which both servers index. On a production MongoDB an index on
 * `recordedAt` serves audit exports by time; FerretDB accepts it (it just does not use it on SQLite).
 */
export async function ensureEventStoreIndexes(collections: EventStoreCollections): Promise<void> {
  await collections.commits.createIndex({ streamType: 1, recordedAt: 1 }, { name: 'by_stream_type_and_time' });
}
