import type { AllocationView } from '../allocations/allocation-view';
import { applyTotals, type TotalsChange } from '../projections/cell-totals';
import type { ModelDocuments } from '../projections/documents';
import type { PledgeView } from '../pledges/pledge-view';
import {
  allocationCellIdOf,
  allocationSupportEntry,
  pledgeCellIdOf,
  pledgeSupportEntry,
  supportTotals,
  type SupportEntry,
  type SupportEntryDoc,
} from './support-cells';

/** The support read models of one kind of record: the cells (totals) and the records' own entries. */
export interface SupportDocuments {
  cells: ModelDocuments;
  entries: ModelDocuments;
}

async function project<V extends { id: string; version: number }>(
  { cells, entries }: SupportDocuments,
  records: readonly V[],
  cellIdOf: (record: V) => string,
  entryOf: (record: V) => SupportEntry,
): Promise<void> {
  if (records.length === 0) return;
  const stored = await entries.load(records.map((record) => record.id));
  const changes = records.map((record): TotalsChange<SupportEntry> => {
    const doc = stored.get(record.id) as SupportEntryDoc | undefined;
    const { _id: _ignored, ...entry } = doc ?? { _id: '' };
    return {
      cellId: cellIdOf(record),
      sourceId: record.id,
      version: record.version,
      stored: doc ? (entry as SupportEntry) : null,
      entry: () => entryOf(record),
    };
  });
  await applyTotals(cells, changes, supportTotals, (settled) =>
    entries.write(settled.map(({ sourceId, entry }) => ({ kind: 'replace', _id: sourceId, doc: entry }))),
  );
}

/** Keeps the support cells and entries of the pledges, from the pledges' current state. */
export const projectPledges = (documents: SupportDocuments, pledges: readonly PledgeView[]): Promise<void> =>
  project(documents, pledges, pledgeCellIdOf, pledgeSupportEntry);

/** Keeps the support cells and entries of the allocations, from the allocations' current state. */
export const projectAllocations = (documents: SupportDocuments, allocations: readonly AllocationView[]) =>
  project(documents, allocations, allocationCellIdOf, allocationSupportEntry);
