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

/**
 * One source's entry in a shared cell. `evolve` must read nothing of the cell but its plain fields and this source's
 * own entry (as every cell's evolve does: coverage, support, support cells), and keep the others it is given.
 */
export interface CellContribution<D> {
  cellId: string;
  sourceId: string;
  evolve: (doc: D | null) => D;
}

type Cell = { _id: string; contributions: Record<string, unknown> };

/** The cell as one source sees it: its plain fields and that source's entry only (copying them is cheap). */
function cellFor<D extends Cell>(doc: D | null, sourceId: string): D | null {
  if (!doc) return null;
  const own = Object.hasOwn(doc.contributions, sourceId) ? { [sourceId]: doc.contributions[sourceId] } : {};
  return { ...doc, contributions: own };
}

/**
 * Writes the entries of shared cells (coverage, support): the batch's cells loaded together, its sources applied in
 * memory, and per cell one `$set` of just the entries that changed, so that other sources' entries (another
 * partition's) are never rewritten; all cells in one write. Each source is evolved against the cell narrowed to its
 * own entry, so a batch costs its sources, not sources × entries of the cell (cells grow with the log).
 */
export async function applyContributions<D extends Cell>(
  documents: ModelDocuments,
  contributions: readonly CellContribution<D>[],
): Promise<void> {
  const byCell = groupBy(contributions, (contribution) => contribution.cellId);
  const loaded = await documents.load([...byCell.keys()]);
  const writes: DocumentWrite[] = [];
  for (const [cellId, entries] of byCell) {
    const stored = (loaded.get(cellId) as D | undefined) ?? null;
    let last: D | undefined;
    const entriesToSet: Record<string, unknown> = {};
    for (const [sourceId, ofSource] of groupBy(entries, (entry) => entry.sourceId)) {
      let doc = cellFor(stored, sourceId);
      let changed = false;
      for (const entry of ofSource) {
        const next = entry.evolve(doc);
        changed ||= next !== doc;
        doc = next;
      }
      if (!doc || !changed) continue;
      last = doc;
      entriesToSet[`contributions.${sourceId}`] = doc.contributions[sourceId];
    }
    if (!last) continue;
    const { contributions: _entries, _id: _ignored, ...cell } = last;
    writes.push({ kind: 'set', _id: cellId, fields: { ...cell, ...entriesToSet } });
  }
  await documents.write(writes);
}
