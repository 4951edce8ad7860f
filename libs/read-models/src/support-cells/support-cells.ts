import { rateTableVersion } from '@cm/domain';
import {
  addInto,
  allocationFlowFields,
  flowTotalsOf,
  packFlowTotals,
  pledgeFlowFields,
  sortedTotals,
  totalsByKey,
  unpackFlowTotals,
  type TotalsByKey,
  type FlowFields,
  type FlowTotal,
} from '@cm/reporting';
import type { AllocationView } from '../allocations/allocation-view';
import type { PledgeView } from '../pledges/pledge-view';
import type { TotalsBookkeeping, TotalsOf } from '../projections/cell-totals';

/**
 * One pledge's or allocation's flows as the support report reads them, in their original unit and date (no USD: a
 * query on another basis or period converts them with the published rates as it always did), kept in a document of
 * its own under the record's id, at the version of the record they were derived from.
 */
export interface SupportEntry {
  readonly version: number;
  readonly cellId: string;
  readonly flows: readonly FlowFields[];
  /** The rate table the cell's USD sums were taken with when this entry was added. */
  readonly rateTable: string;
}

export type SupportEntryDoc = SupportEntry & { readonly _id: string };

/**
 * The support report's totals of one donor's pledges (or allocations): the donor is fixed when the record is opened,
 * so a record never moves between cells whatever its revisions change. The cell keeps no entry per record, only the
 * sums per report key (see FlowTotal), so a report reads O(cells × keys) bytes, not O(records); the entries are the
 * records' own documents (SupportEntryDoc), and the cell is kept from the difference between a record's included
 * entry and its new one (see applyTotals).
 */
export interface SupportCellDoc extends TotalsBookkeeping<SupportEntry> {
  readonly donorId: string;
  /** The rate table every USD sum of the cell was taken with; null once entries of two tables met (read the flows). */
  readonly rateTable: string | null;
  /** The totals, packed (see packFlowTotals). */
  readonly totals: string;
}

type SupportCellFields = Omit<SupportCellDoc, keyof TotalsBookkeeping<SupportEntry>>;

export const pledgeCellIdOf = (pledge: PledgeView): string => pledge.donorId;
export const allocationCellIdOf = (allocation: AllocationView): string => allocation.donorId;

/** A cell's totals, unpacked. */
export const totalsOfCell = (cell: SupportCellDoc): FlowTotal[] => unpackFlowTotals(cell.donorId, cell.totals);

/** The pledge's entry: what it pledges (nothing once released without allocations). */
export const pledgeSupportEntry = (pledge: PledgeView): SupportEntry => ({
  version: pledge.version,
  cellId: pledgeCellIdOf(pledge),
  flows: pledgeFlowFields(pledge),
  rateTable: rateTableVersion(),
});

/** The allocation's entry: its commitment once accepted and its confirmed deliveries. */
export const allocationSupportEntry = (allocation: AllocationView): SupportEntry => ({
  version: allocation.version,
  cellId: allocationCellIdOf(allocation),
  flows: allocationFlowFields(allocation),
  rateTable: rateTableVersion(),
});

type OpenSupportCell = Omit<SupportCellFields, 'totals'> & { totals: TotalsByKey };

/** How an entry changes a support cell's totals (unpacked once per batch, packed once). */
export const supportTotals: TotalsOf<SupportEntry, SupportCellFields, OpenSupportCell> = {
  empty: (cellId, first) => ({ donorId: cellId, rateTable: first.rateTable, totals: new Map() }),
  add: (cell, entry, sign) => ({
    ...cell,
    rateTable: cell.rateTable === entry.rateTable ? cell.rateTable : null,
    totals: addInto(cell.totals, flowTotalsOf(entry.flows), sign),
  }),
  open: (fields) => ({ ...fields, totals: totalsByKey(unpackFlowTotals(fields.donorId, fields.totals)) }),
  close: (cell) => ({ ...cell, totals: packFlowTotals(sortedTotals(cell.totals)) }),
};

/** Every flow the entries hold, in a stable order (by record id, then as derived). */
export const flowFieldsOfEntries = (entries: readonly SupportEntryDoc[]): FlowFields[] =>
  [...entries].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)).flatMap((entry) => entry.flows);

/** Whether the cells' totals were all taken with the rate table in force (else the flows are converted again). */
export const cellsAtRateTable = (cells: readonly SupportCellDoc[]): boolean =>
  cells.every((cell) => cell.rateTable === rateTableVersion());
