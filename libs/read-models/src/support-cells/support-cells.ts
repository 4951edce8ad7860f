import { allocationFlowFields, pledgeFlowFields, type FlowFields } from '@cm/reporting';
import type { AllocationView } from '../allocations/allocation-view';
import type { PledgeView } from '../pledges/pledge-view';

/** One source's flows in a support cell, guarded by the version of the record they were derived from. */
export interface SupportCellEntry {
  readonly version: number;
  readonly flows: readonly FlowFields[];
}

/**
 * The support report's flows, pre-derived by the projector in their original unit and date (no USD: the query converts
 * them with the published rates as it always did). A cell holds one donor's pledges (or allocations) recorded in one
 * year: both are fixed when the record is opened, so a record never moves between cells whatever its revisions
 * change, and each record writes only its own entry, guarded by its version (order-tolerant and idempotent). A report
 * reads the cells, not the pledges and allocations.
 */
export interface SupportCellDoc {
  readonly _id: string;
  readonly donorId: string;
  readonly recordedYear: number;
  readonly contributions: Readonly<Record<string, SupportCellEntry>>;
}

interface Source {
  id: string;
  version: number;
  donorId: string;
}

const cellIdOf = (donorId: string, recordedAt: string) => `${donorId}:${recordedAt.slice(0, 4)}`;

export const pledgeCellIdOf = (pledge: PledgeView): string => cellIdOf(pledge.donorId, pledge.submittedAt);
export const allocationCellIdOf = (allocation: AllocationView): string =>
  cellIdOf(allocation.donorId, allocation.requestedAt);

function evolveCell(
  doc: SupportCellDoc | null,
  cellId: string,
  source: Source,
  flows: () => FlowFields[],
): SupportCellDoc {
  const known = doc?.contributions[source.id];
  if (doc && known && known.version >= source.version) return doc;
  return {
    _id: cellId,
    donorId: source.donorId,
    recordedYear: Number(cellId.slice(cellId.lastIndexOf(':') + 1)),
    contributions: { ...doc?.contributions, [source.id]: { version: source.version, flows: flows() } },
  };
}

/** The pledge's entry in its cell: what it pledges (nothing once released without allocations). */
export const evolvePledgeSupportCell = (doc: SupportCellDoc | null, pledge: PledgeView): SupportCellDoc =>
  evolveCell(doc, pledgeCellIdOf(pledge), pledge, () => pledgeFlowFields(pledge));

/** The allocation's entry in its cell: its commitment once accepted and its confirmed deliveries. */
export const evolveAllocationSupportCell = (doc: SupportCellDoc | null, allocation: AllocationView): SupportCellDoc =>
  evolveCell(doc, allocationCellIdOf(allocation), allocation, () => allocationFlowFields(allocation));

/** Every flow the cells hold, in a stable order (by source id, then as derived). */
export const flowFieldsOfCells = (cells: readonly SupportCellDoc[]): FlowFields[] =>
  cells
    .flatMap((cell) => Object.entries(cell.contributions))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, entry]) => entry.flows);
