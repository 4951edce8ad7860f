import { sumOf, zeroOf, type AllocationStatus, type Pillar, type Quantity } from '@cm/domain';
import type { AllocationView } from '../allocations/allocation-view';
import type { NeedView } from '../needs/need-view';

/** Allocations still holding what they committed; a cancelled or declined one counts only what it delivered. */
const committing: readonly AllocationStatus[] = ['pending', 'proposed', 'accepted', 'partially_delivered', 'completed'];

/** A member's allocation to one of the state's needs: amounts and delivery statuses, never its free-text notes. */
export interface PipelineAllocation {
  id: string;
  pledgeId: string;
  donorId: string;
  status: AllocationStatus;
  amount: Quantity;
  needAmount: Quantity;
  confirmedNeedAmount: Quantity;
  deliveries: { id: string; amount: Quantity; deliveredOn: string; status: string }[];
}

export interface PipelineNeed {
  id: string;
  title: string;
  pillar: Pillar;
  assistanceType: string;
  category?: string;
  priority: string;
  neededBy?: string;
  status: string;
  quantity: Quantity;
  /** Every donor's allocations and confirmed deliveries (the need's own public totals). */
  allocated: Quantity;
  delivered: Quantity;
  /** Allocated and confirmed by the coalition's members alone. */
  allocatedByMembers: Quantity;
  deliveredByMembers: Quantity;
  /** Not yet allocated by anyone: what the coalition still has to find. */
  unmet: Quantity;
  allocations: PipelineAllocation[];
}

export const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function committedOf(allocation: AllocationView): Quantity {
  return committing.includes(allocation.status) ? allocation.needAmount : allocation.confirmedNeedAmount;
}

const pipelineAllocationOf = (a: AllocationView): PipelineAllocation => ({
  id: a.id,
  pledgeId: a.pledgeId,
  donorId: a.donorId,
  status: a.status,
  amount: a.amount,
  needAmount: a.needAmount,
  confirmedNeedAmount: a.confirmedNeedAmount,
  deliveries: Object.values(a.deliveries)
    .map(({ id, amount, deliveredOn, status }) => ({ id, amount, deliveredOn, status }))
    .sort(byId),
});

export function needOf(need: NeedView, memberAllocations: readonly AllocationView[]): PipelineNeed {
  const unit = need.quantity.unit;
  const unmet = need.status === 'withdrawn' || need.status === 'fulfilled' ? zeroOf(unit) : need.remaining;
  return {
    id: need.id,
    title: need.title,
    pillar: need.pillar,
    assistanceType: need.assistanceType,
    ...(need.category !== undefined && { category: need.category }),
    priority: need.priority,
    ...(need.neededBy !== undefined && { neededBy: need.neededBy }),
    status: need.status,
    quantity: need.quantity,
    allocated: need.allocated,
    delivered: need.delivered,
    allocatedByMembers: sumOf(unit, memberAllocations.map(committedOf)),
    deliveredByMembers: sumOf(
      unit,
      memberAllocations.map((a) => a.confirmedNeedAmount),
    ),
    unmet,
    allocations: memberAllocations.map(pipelineAllocationOf).sort(byId),
  };
}
