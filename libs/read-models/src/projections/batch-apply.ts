import type { EventEnvelope } from '@cm/event-store';
import type { Collection, Document } from 'mongodb';
import { recordIdOf } from '@cm/domain';
import { type StreamView } from '../stream-view';

/**
 * A fetched Kafka batch applied with one read and at most one write per document instead of per event: events are
 * grouped by stream (keeping each stream's order), folded in memory, and the documents written in parallel. Every
 * document a batch touched is returned in its final state, also when its events were already applied, so that the
 * derived cells are re-derived (which repairs a crash between the two writes).
 */
export async function applyToStreamViews<V extends StreamView>(
  collection: Collection<Document>,
  envelopes: EventEnvelope[],
  evolve: (doc: V | null, envelope: EventEnvelope) => V | null,
): Promise<V[]> {
  const byRecord = new Map<string, EventEnvelope[]>();
  for (const envelope of envelopes) {
    const _id = recordIdOf(envelope.streamType, envelope.streamId);
    byRecord.set(_id, [...(byRecord.get(_id) ?? []), envelope]);
  }
  const results = await Promise.all(
    [...byRecord].map(async ([_id, events]) => {
      const current = (await collection.findOne({ _id: _id as never })) as V | null;
      const next = events.reduce<V | null>((doc, envelope) => evolve(doc, envelope), current);
      if (next && next !== current) await collection.replaceOne({ _id: _id as never }, next, { upsert: true });
      return next;
    }),
  );
  return results.filter((doc): doc is Awaited<V> => doc !== null) as V[];
}

export interface CellContribution<D> {
  cellId: string;
  sourceId: string;
  evolve: (doc: D | null) => D;
}

/**
 * Writes the entries of shared cells (coverage, support): per cell one read, the batch's sources applied in memory,
 * and one `$set` of just the entries that changed, so that other sources' entries are never rewritten.
 */
export async function applyContributions<D extends { _id: string; contributions: Record<string, unknown> }>(
  collection: Collection<Document>,
  contributions: CellContribution<D>[],
): Promise<void> {
  const byCell = new Map<string, CellContribution<D>[]>();
  for (const contribution of contributions) {
    byCell.set(contribution.cellId, [...(byCell.get(contribution.cellId) ?? []), contribution]);
  }
  await Promise.all(
    [...byCell].map(async ([cellId, entries]) => {
      const current = (await collection.findOne({ _id: cellId as never })) as D | null;
      let doc = current;
      const changed = new Set<string>();
      for (const entry of entries) {
        const next = entry.evolve(doc);
        if (next !== doc) changed.add(entry.sourceId);
        doc = next;
      }
      if (!doc || changed.size === 0) return;
      const { contributions: all, _id: _ignored, ...cell } = doc;
      const entriesToSet = Object.fromEntries(
        [...changed].map((sourceId) => [`contributions.${sourceId}`, all[sourceId]]),
      );
      await collection.updateOne({ _id: cellId as never }, { $set: { ...cell, ...entriesToSet } }, { upsert: true });
    }),
  );
}
