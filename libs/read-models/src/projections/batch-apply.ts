import type { EventEnvelope } from '@cm/event-store';
import { recordIdOf } from '@cm/domain';
import { type StreamView } from '../stream-view';
import type { DocumentWrite, ModelDocuments } from './documents';

/** Groups items by key, keeping their order within each group. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * A fetched Kafka batch applied to per-stream documents with one load and one write for the whole batch: events are
 * grouped by stream (keeping each stream's order), folded in memory with the projection's evolve (which skips the
 * versions a document already applied), and the changed documents written together. Every document the batch touched
 * is returned in its final state, also when its events were already applied, so that the derived cells are re-derived
 * (which repairs a crash between the two writes).
 */
export async function applyToStreamViews<V extends StreamView>(
  documents: ModelDocuments,
  envelopes: readonly EventEnvelope[],
  evolve: (doc: V | null, envelope: EventEnvelope) => V | null,
): Promise<V[]> {
  const byRecord = groupBy(envelopes, (envelope) => recordIdOf(envelope.streamType, envelope.streamId));
  const loaded = await documents.load([...byRecord.keys()]);
  const writes: DocumentWrite[] = [];
  const results: V[] = [];
  for (const [_id, events] of byRecord) {
    const current = (loaded.get(_id) as V | undefined) ?? null;
    const next = events.reduce<V | null>((doc, envelope) => evolve(doc, envelope), current);
    if (next && next !== current) writes.push({ kind: 'replace', _id, doc: next });
    if (next) results.push(next);
  }
  await documents.write(writes);
  return results;
}

export interface CellContribution<D> {
  cellId: string;
  sourceId: string;
  evolve: (doc: D | null) => D;
}

/**
 * Writes the entries of shared cells (coverage, support): the batch's cells loaded together, its sources applied in
 * memory, and per cell one `$set` of just the entries that changed, so that other sources' entries (another
 * partition's) are never rewritten; all cells in one write.
 */
export async function applyContributions<D extends { _id: string; contributions: Record<string, unknown> }>(
  documents: ModelDocuments,
  contributions: readonly CellContribution<D>[],
): Promise<void> {
  const byCell = groupBy(contributions, (contribution) => contribution.cellId);
  const loaded = await documents.load([...byCell.keys()]);
  const writes: DocumentWrite[] = [];
  for (const [cellId, entries] of byCell) {
    let doc = (loaded.get(cellId) as D | undefined) ?? null;
    const changed = new Set<string>();
    for (const entry of entries) {
      const next = entry.evolve(doc);
      if (next !== doc) changed.add(entry.sourceId);
      doc = next;
    }
    if (!doc || changed.size === 0) continue;
    const { contributions: all, _id: _ignored, ...cell } = doc;
    const entriesToSet = Object.fromEntries(
      [...changed].map((sourceId) => [`contributions.${sourceId}`, all[sourceId]]),
    );
    writes.push({ kind: 'set', _id: cellId, fields: { ...cell, ...entriesToSet } });
  }
  await documents.write(writes);
}
