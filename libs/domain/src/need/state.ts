import type { Capacity } from '../capacity';
import { compare, isZero } from '../quantity/quantity';
import type { AssistanceType, Pillar, Priority } from '../vocabulary';

export const needStatuses = [
  'open',
  'partially_allocated',
  'allocated',
  'partially_delivered',
  'fulfilled',
  'withdrawn',
] as const;
export type NeedStatus = (typeof needStatuses)[number];

export interface Need extends Capacity {
  readonly id: string;
  readonly requesterId: string;
  readonly pillar: Pillar;
  readonly assistanceType: AssistanceType;
  readonly category?: string;
  readonly title: string;
  readonly description?: string;
  readonly priority: Priority;
  readonly neededBy?: string;
  readonly location?: string;
  readonly postedAt: string;
  readonly status: NeedStatus;
}

/** Null until the need is posted. */
export type NeedState = Need | null;

export const initialNeedState: NeedState = null;

/** Status follows from the totals; only withdrawal is sticky. */
export function needStatusOf(capacity: Capacity, withdrawn: boolean): NeedStatus {
  if (withdrawn) return 'withdrawn';
  if (compare(capacity.delivered, capacity.quantity) >= 0) return 'fulfilled';
  if (!isZero(capacity.delivered)) return 'partially_delivered';
  if (compare(capacity.allocated, capacity.quantity) >= 0) return 'allocated';
  return isZero(capacity.allocated) ? 'open' : 'partially_allocated';
}
