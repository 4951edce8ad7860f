import type { Capacity } from '../capacity';
import { compare, isZero } from '../quantity/quantity';
import type { AssistanceType, Pillar } from '../vocabulary';

export const pledgeStatuses = [
  'open',
  'partially_allocated',
  'allocated',
  'fulfilled',
  'withdrawn',
  'expired',
] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];

export interface Pledge extends Capacity {
  readonly id: string;
  readonly donorId: string;
  readonly assistanceType: AssistanceType;
  readonly pillars: readonly Pillar[];
  readonly category?: string;
  readonly recipientId?: string;
  readonly pledgedOn?: string;
  readonly validUntil?: string;
  readonly conditions?: string;
  readonly submittedAt: string;
  readonly status: PledgeStatus;
}

/** Null until the pledge is submitted. */
export type PledgeState = Pledge | null;

export const initialPledgeState: PledgeState = null;

const closedStatuses: readonly PledgeStatus[] = ['withdrawn', 'expired'];

/** Status follows from the totals; withdrawal and expiry are sticky. */
export function pledgeStatusOf(capacity: Capacity, current?: PledgeStatus): PledgeStatus {
  if (current && closedStatuses.includes(current)) return current;
  if (compare(capacity.delivered, capacity.quantity) >= 0) return 'fulfilled';
  if (compare(capacity.allocated, capacity.quantity) >= 0) return 'allocated';
  return isZero(capacity.allocated) ? 'open' : 'partially_allocated';
}
