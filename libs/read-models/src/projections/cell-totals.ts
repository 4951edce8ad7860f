import { createHash } from 'node:crypto';
import type { Document } from 'mongodb';
import { groupBy } from './batch-apply';
import type { ModelDocuments } from './documents';

export interface VersionedEntry {
  readonly version: number;
}

/**
 * The bookkeeping of a cell that keeps totals rather than its sources' entries (the entries live in their own
 * documents, by source id, so that reading the totals costs the cells, not the records).
 */
export interface TotalsBookkeeping<E extends VersionedEntry> {
  readonly _id: string;
  /**
   * Sum of a hash of (source id, version) over the entries the totals include: the same entries give the same
   * fingerprint whatever the order and batches they came in, and it is the token of the compare-and-set.
   */
  readonly fingerprint: string;
  /** How many sources the totals include. */
  readonly sources: number;
  /** Entries the totals include whose own document may not be written yet (a crash between the two writes). */
  readonly pending: Readonly<Record<string, E>>;
}

/**
 * A cell's own fields and how an entry changes them: `open` turns the stored fields into a working form `W` that a
 * batch's entries change (it may be changed in place), `close` turns it back into the fields to store.
 */
export interface TotalsOf<E extends VersionedEntry, C extends Document, W = C> {
  /** A new cell (who it is, nothing counted yet), for the first entry it receives. */
  empty(cellId: string, first: E): W;
  /** The cell with the entry added (1) or taken out (-1). */
  add(cell: W, entry: E, sign: 1 | -1): W;
  open(fields: C): W;
  close(cell: W): C;
}

export interface TotalsChange<E extends VersionedEntry> {
  cellId: string;
  sourceId: string;
  version: number;
  /** What the source's own document holds now (null when it has none). */
  stored: E | null;
  /** The source's entry at `version`. */
  entry: () => E;
}

export interface TotalsStep<E> {
  /** The `$set` of the cell, or null when the changes add nothing to what it includes. */
  fields: Record<string, unknown> | null;
  /** Each source's entry the cell now includes, to write in its own document. */
  settle: Map<string, E>;
}

const MASK = (1n << 64n) - 1n;
export const emptyFingerprint = '0'.repeat(16);

const hashOf = (sourceId: string, version: number) =>
  BigInt(`0x${createHash('sha256').update(`${sourceId}@${version}`).digest('hex').slice(0, 16)}`);

const shifted = (fingerprint: string, sourceId: string, from: number | undefined, to: number) => {
  const taken = from === undefined ? 0n : hashOf(sourceId, from);
  const sum = (BigInt(`0x${fingerprint}`) - taken + hashOf(sourceId, to)) & MASK;
  return sum.toString(16).padStart(16, '0');
};

const ownFields = <C>(doc: Document): C => {
  const { _id: _i, fingerprint: _f, sources: _s, pending: _p, ...own } = doc;
  return own as C;
};

/**
 * The cell after a batch's changes, pure: each source counts with the entry the cell includes for it (one it wrote but
 * may not have settled, else the stored one), an entry at the same or an older version changes nothing (replays and
 * reordered states), and a newer one replaces the included one in the totals: taken out, then added.
 */
export function stepTotals<E extends VersionedEntry, C extends Document, W>(
  cellId: string,
  doc: Document | null,
  changes: readonly TotalsChange<E>[],
  totals: TotalsOf<E, C, W>,
): TotalsStep<E> {
  const pendingBefore = (doc?.pending ?? {}) as Record<string, E>;
  let own: W | null = doc ? totals.open(ownFields<C>(doc)) : null;
  let fingerprint = (doc?.fingerprint as string | undefined) ?? emptyFingerprint;
  let sources = (doc?.sources as number | undefined) ?? 0;
  const written: Record<string, E> = {};
  const settle = new Map<string, E>();
  for (const change of changes) {
    const included = written[change.sourceId] ?? pendingBefore[change.sourceId] ?? change.stored;
    if (included && included.version >= change.version) {
      if (pendingBefore[change.sourceId] && !written[change.sourceId]) settle.set(change.sourceId, included);
      continue;
    }
    const next = change.entry();
    own = own ?? totals.empty(cellId, next);
    if (included) own = totals.add(own, included, -1);
    own = totals.add(own, next, 1);
    fingerprint = shifted(fingerprint, change.sourceId, included?.version, next.version);
    sources += included ? 0 : 1;
    written[change.sourceId] = next;
    settle.set(change.sourceId, next);
  }
  if (Object.keys(written).length === 0) return { fields: null, settle };
  const pendingFields = Object.entries(written).map(([sourceId, entry]) => [`pending.${sourceId}`, entry]);
  const fields = totals.close(own!);
  return { fields: { ...fields, fingerprint, sources, ...Object.fromEntries(pendingFields) }, settle };
}

const MAX_ATTEMPTS = 50;

/**
 * Applies a batch's changes to shared totals cells, exactly once in effect without multi-document transactions:
 * (1) per cell, a compare-and-set on its fingerprint writes the new totals and marks the changed entries pending in
 * the cell (another writer came first: reload, recompute, retry); (2) `settle` writes the entries in their own
 * documents; (3) the pending marks are removed. A crash after (1) leaves the cell naming what it includes, so the
 * redelivered batch settles those entries instead of counting them twice; a crash before (1) changed nothing.
 */
export async function applyTotals<E extends VersionedEntry, C extends Document, W>(
  cells: ModelDocuments,
  changes: readonly TotalsChange<E>[],
  totals: TotalsOf<E, C, W>,
  settle: (entries: { cellId: string; sourceId: string; entry: E }[]) => Promise<void>,
): Promise<void> {
  const byCell = groupBy(changes, (change) => change.cellId);
  const loaded = await cells.load([...byCell.keys()]);
  const settled: { cellId: string; sourceId: string; entry: E }[] = [];
  await Promise.all(
    [...byCell].map(async ([cellId, cellChanges]) => {
      let doc = loaded.get(cellId) ?? null;
      for (let attempt = 1; ; attempt++) {
        const step = stepTotals(cellId, doc, cellChanges, totals);
        const when = { field: 'fingerprint', value: doc?.fingerprint as unknown };
        if (!step.fields || (await cells.setIf({ _id: cellId, fields: step.fields, when }))) {
          for (const [sourceId, entry] of step.settle) settled.push({ cellId, sourceId, entry });
          return;
        }
        if (attempt === MAX_ATTEMPTS) throw new Error(`cell ${cellId}: ${attempt} writers came first`);
        doc = (await cells.load([cellId])).get(cellId) ?? null;
      }
    }),
  );
  if (settled.length === 0) return;
  await settle(settled);
  const unset = [...groupBy(settled, (entry) => entry.cellId)].map(([cellId, entries]) => ({
    kind: 'set' as const,
    _id: cellId,
    fields: {},
    unset: entries.map((entry) => `pending.${entry.sourceId}`),
  }));
  await cells.write(unset);
}
