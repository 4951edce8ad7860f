import { registrationsOf, type DomainEvent } from '../decider';
import type { Quantity } from '../quantity/quantity';
import type { AssistanceType, Pillar } from '../vocabulary';
import type { PledgeStatus } from './state';

export type PledgeSubmitted = DomainEvent<
  'PledgeSubmitted',
  {
    pledgeId: string;
    donorId: string;
    assistanceType: AssistanceType;
    pillars: Pillar[];
    category?: string;
    quantity: Quantity;
    recipientId?: string;
    pledgedOn?: string;
    validUntil?: string;
    conditions?: string;
    submittedAt: string;
  }
>;

export type PledgeRevised = DomainEvent<
  'PledgeRevised',
  { pledgeId: string; quantity?: Quantity; validUntil?: string; conditions?: string; status: PledgeStatus }
>;

/** `released` is the unallocated part given up; existing allocations stay and can still be delivered. */
export type PledgeWithdrawn = DomainEvent<
  'PledgeWithdrawn',
  { pledgeId: string; reason: string; released: Quantity; openAllocationIds: string[] }
>;

export type PledgeExpired = DomainEvent<'PledgeExpired', { pledgeId: string; expiredAt: string; released: Quantity }>;

export type PledgeCapacityReserved = DomainEvent<
  'PledgeCapacityReserved',
  { pledgeId: string; allocationId: string; amount: Quantity; status: PledgeStatus }
>;

export type PledgeCapacityReleased = DomainEvent<
  'PledgeCapacityReleased',
  { pledgeId: string; allocationId: string; released: Quantity; status: PledgeStatus }
>;

export type PledgeDeliveryConfirmed = DomainEvent<
  'PledgeDeliveryConfirmed',
  { pledgeId: string; allocationId: string; deliveryId: string; amount: Quantity; status: PledgeStatus }
>;

export type PledgeEvent =
  | PledgeSubmitted
  | PledgeRevised
  | PledgeWithdrawn
  | PledgeExpired
  | PledgeCapacityReserved
  | PledgeCapacityReleased
  | PledgeDeliveryConfirmed;

export const pledgeStreamType = 'pledge';

export const pledgeEventSchemaVersions: Record<PledgeEvent['type'], number> = {
  PledgeSubmitted: 1,
  PledgeRevised: 1,
  PledgeWithdrawn: 1,
  PledgeExpired: 1,
  PledgeCapacityReserved: 1,
  PledgeCapacityReleased: 1,
  PledgeDeliveryConfirmed: 1,
};

export const pledgeEventRegistrations = registrationsOf(pledgeStreamType, pledgeEventSchemaVersions);
