import { DomainError } from '../errors';
import type { ExchangeRateUsed } from '../fx/convert';
import type { Quantity } from '../quantity/quantity';
import type { AssistanceType, Pillar } from '../vocabulary';

export const allocationStatuses = [
  'pending',
  'proposed',
  'rejected',
  'accepted',
  'declined',
  'cancelled',
  'partially_delivered',
  'completed',
] as const;
export type AllocationStatus = (typeof allocationStatuses)[number];

/** `recorded` awaits the recipient's answer (also after a correction); `withdrawn` counts nowhere. */
export type DeliveryStatus = 'recorded' | 'confirmed' | 'disputed' | 'withdrawn';

export interface Delivery {
  readonly id: string;
  readonly amount: Quantity;
  readonly deliveredOn: string;
  readonly reference?: string;
  readonly note?: string;
  readonly status: DeliveryStatus;
  readonly needAmount?: Quantity;
  readonly receivedOn?: string;
  /** When the open dispute was raised (absent on older disputes); cleared once the dispute is resolved. */
  readonly disputedAt?: string;
  /** How many times the donor corrected it after a dispute. */
  readonly corrections?: number;
}

export interface Allocation {
  readonly id: string;
  readonly pledgeId: string;
  readonly needId: string;
  readonly donorId: string;
  readonly recipientId: string;
  readonly assistanceType: AssistanceType;
  readonly pillar: Pillar;
  readonly category?: string;
  readonly amount: Quantity;
  readonly needAmount: Quantity;
  readonly exchangeRate?: ExchangeRateUsed;
  readonly committedOn?: string;
  readonly requestedAt: string;
  readonly status: AllocationStatus;
  readonly deliveries: Readonly<Record<string, Delivery>>;
  /** Confirmed deliveries, in the pledge's and in the need's unit. */
  readonly confirmed: Quantity;
  readonly confirmedNeedAmount: Quantity;
}

/** Null until the allocation is requested. */
export type AllocationState = Allocation | null;

export const initialAllocationState: AllocationState = null;

export function assertStatus(allocation: Allocation, allowed: readonly AllocationStatus[]): void {
  if (!allowed.includes(allocation.status)) {
    throw new DomainError('INVALID_TRANSITION', `allocation ${allocation.id} is ${allocation.status}`);
  }
}
