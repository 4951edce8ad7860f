import type { Collection, Db, Filter, FindCursor } from 'mongodb';
import { liveCollection } from '../projections/aliases';
import { encodeCursor, type Page } from '../queries/list-page';
import type { AuditEntry } from './audit-entry';
import { auditedStreamTypes, auditModelsOf, type AuditedStreamType } from './audit-projection';

export interface AuditFilter {
  type?: string;
  /** The acting user's subject, or the participant it acted for. */
  actor?: string;
  /** A participant the event's stream concerns. */
  participant?: string;
  streamType?: AuditedStreamType;
  /** Recorded at or after / at or before (ISO instants). */
  from?: string;
  to?: string;
  /** Set for a donor or affected State: only events of streams it is party to. */
  partyTo?: string;
}

export function auditQueryOf(filter: AuditFilter, after?: string): Filter<AuditEntry> {
  const clauses: Filter<AuditEntry>[] = [];
  if (filter.type !== undefined) clauses.push({ type: filter.type });
  if (filter.actor !== undefined) {
    clauses.push({ $or: [{ 'actor.sub': filter.actor }, { 'actor.participantId': filter.actor }] });
  }
  if (filter.participant !== undefined) clauses.push({ participants: filter.participant });
  if (filter.partyTo !== undefined) clauses.push({ participants: filter.partyTo });
  if (filter.from !== undefined) clauses.push({ recordedAt: { $gte: filter.from } });
  if (filter.to !== undefined) clauses.push({ recordedAt: { $lte: filter.to } });
  if (after !== undefined) clauses.push({ _id: { $gt: after } });
  return clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0] : { $and: clauses };
}

/** The live audit collections a filter reads: one per stream type, or just the one asked for. */
async function auditCollectionsOf(db: Db, filter: AuditFilter): Promise<Collection<AuditEntry>[]> {
  const types = filter.streamType ? [filter.streamType] : auditedStreamTypes;
  return Promise.all(types.map((type) => liveCollection<AuditEntry>(db, auditModelsOf[type].entries)));
}

/**
 * The entries of several cursors, each sorted by `_id`, as one sequence in `_id` order (event ids are UUIDv7, so this
 * is recording order). Holds one document per cursor beyond the driver's batches: constant memory for any length.
 */
async function* mergedById(cursors: FindCursor<AuditEntry>[]): AsyncGenerator<AuditEntry> {
  const heads = await Promise.all(cursors.map((cursor) => cursor.next()));
  try {
    for (;;) {
      let lowest = -1;
      heads.forEach((head, index) => {
        if (head && (lowest < 0 || head._id < heads[lowest]!._id)) lowest = index;
      });
      if (lowest < 0) return;
      yield heads[lowest]!;
      heads[lowest] = await cursors[lowest].next();
    }
  } finally {
    await Promise.all(cursors.map((cursor) => cursor.close()));
  }
}

/** Every matching entry in recording order, read in batches of `batchSize` per stream type. */
export async function* auditEntries(db: Db, filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditEntry> {
  const collections = await auditCollectionsOf(db, filter);
  const query = auditQueryOf(filter);
  yield* mergedById(collections.map((c) => c.find(query).sort({ _id: 1 }).batchSize(batchSize)));
}

/** One page of matching entries in recording order; `next` continues after its last event. */
export async function auditPage(db: Db, filter: AuditFilter, limit: number, after?: string): Promise<Page<AuditEntry>> {
  const collections = await auditCollectionsOf(db, filter);
  const query = auditQueryOf(filter, after);
  const found: AuditEntry[] = [];
  for await (const entry of mergedById(
    collections.map((c) =>
      c
        .find(query)
        .sort({ _id: 1 })
        .limit(limit + 1),
    ),
  )) {
    found.push(entry);
    if (found.length > limit) break;
  }
  const items = found.slice(0, limit);
  return { items, next: found.length > limit ? encodeCursor(items[items.length - 1]._id) : null };
}
