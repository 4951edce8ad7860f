import type { AllocationView } from '../allocations/allocation-view';
import { applyContributions } from '../projections/batch-apply';
import type { ModelDocuments } from '../projections/documents';
import type { PledgeView } from '../pledges/pledge-view';
import {
  allocationCellIdOf,
  evolveAllocationSupportCell,
  evolvePledgeSupportCell,
  pledgeCellIdOf,
  type SupportCellDoc,
} from './support-cells';

/** Writes the pledges' entries of the support cells, from the pledges' current state. */
export const projectPledges = (documents: ModelDocuments, pledges: readonly PledgeView[]): Promise<void> =>
  applyContributions<SupportCellDoc>(
    documents,
    pledges.map((pledge) => ({
      cellId: pledgeCellIdOf(pledge),
      sourceId: pledge.id,
      evolve: (doc) => evolvePledgeSupportCell(doc, pledge),
    })),
  );

/** Writes the allocations' entries of the support cells, from the allocations' current state. */
export const projectAllocations = (documents: ModelDocuments, allocations: readonly AllocationView[]): Promise<void> =>
  applyContributions<SupportCellDoc>(
    documents,
    allocations.map((allocation) => ({
      cellId: allocationCellIdOf(allocation),
      sourceId: allocation.id,
      evolve: (doc) => evolveAllocationSupportCell(doc, allocation),
    })),
  );
