import { registrationsOf, type DomainEvent } from '../decider';
import type { ExchangeRateUsed } from '../fx/convert';
import type { Quantity } from '../quantity/quantity';
import type { AssistanceType, Pillar } from '../vocabulary';
import type { AllocationStatus } from './state';

/** Every allocation event names both sides, so that the saga and projections route without loading state. */
interface Sides {
  allocationId: string;
  pledgeId: string;
  needId: string;
}

export type AllocationRequested = DomainEvent<
  'AllocationRequested',
  Sides & {
    donorId: string;
    recipientId: string;
    assistanceType: AssistanceType;
    pillar: Pillar;
    category?: string;
    /** In the pledge's unit. */
    amount: Quantity;
    /** The equivalent in the need's unit. */
    needAmount: Quantity;
    /** Present when two currencies were converted with the reference table. */
    exchangeRate?: ExchangeRateUsed;
    committedOn?: string;
    requestedAt: string;
  }
>;

export type AllocationProposed = DomainEvent<'AllocationProposed', Sides>;
export type AllocationRejected = DomainEvent<'AllocationRejected', Sides & { code: string; detail: string }>;
export type AllocationAccepted = DomainEvent<'AllocationAccepted', Sides>;
export type AllocationDeclined = DomainEvent<'AllocationDeclined', Sides & { reason?: string }>;

/** The confirmed part stays delivered; the saga releases the rest on both sides. */
export type AllocationCancelled = DomainEvent<
  'AllocationCancelled',
  Sides & { reason: string; confirmed: Quantity; confirmedNeedAmount: Quantity }
>;

export type DeliveryRecorded = DomainEvent<
  'DeliveryRecorded',
  Sides & { deliveryId: string; amount: Quantity; deliveredOn: string; reference?: string; note?: string }
>;

export type DeliveryConfirmed = DomainEvent<
  'DeliveryConfirmed',
  Sides & {
    deliveryId: string;
    amount: Quantity;
    /** The need-unit equivalent; confirmed deliveries add up exactly to the allocation's needAmount. */
    needAmount: Quantity;
    receivedOn?: string;
    status: AllocationStatus;
  }
>;

export type DeliveryDisputed = DomainEvent<
  'DeliveryDisputed',
  /** `disputedAt` (when the dispute was raised) is absent on disputes recorded before it was kept. */
  Sides & { deliveryId: string; amount: Quantity; reason: string; disputedAt?: string }
>;

/** A disputed delivery with the donor's corrected figures (and the ones it replaces); it awaits confirmation again. */
export type DeliveryCorrected = DomainEvent<
  'DeliveryCorrected',
  Sides & {
    deliveryId: string;
    amount: Quantity;
    deliveredOn: string;
    previous: { amount: Quantity; deliveredOn: string };
    reason: string;
  }
>;

/** The donor took back a disputed delivery: it counts nowhere (it was never confirmed, so no total changes). */
export type DeliveryWithdrawn = DomainEvent<
  'DeliveryWithdrawn',
  Sides & { deliveryId: string; amount: Quantity; reason: string }
>;

/** The recipient took back its dispute; a DeliveryConfirmed follows in the same append. */
export type DeliveryDisputeWithdrawn = DomainEvent<
  'DeliveryDisputeWithdrawn',
  Sides & { deliveryId: string; reason?: string }
>;

export type AllocationEvent =
  | AllocationRequested
  | AllocationProposed
  | AllocationRejected
  | AllocationAccepted
  | AllocationDeclined
  | AllocationCancelled
  | DeliveryRecorded
  | DeliveryConfirmed
  | DeliveryDisputed
  | DeliveryCorrected
  | DeliveryWithdrawn
  | DeliveryDisputeWithdrawn;

export const allocationStreamType = 'allocation';

export const allocationEventSchemaVersions: Record<AllocationEvent['type'], number> = {
  AllocationRequested: 1,
  AllocationProposed: 1,
  AllocationRejected: 1,
  AllocationAccepted: 1,
  AllocationDeclined: 1,
  AllocationCancelled: 1,
  DeliveryRecorded: 1,
  DeliveryConfirmed: 1,
  DeliveryDisputed: 1,
  DeliveryCorrected: 1,
  DeliveryWithdrawn: 1,
  DeliveryDisputeWithdrawn: 1,
};

export const allocationEventTypes = Object.keys(allocationEventSchemaVersions) as AllocationEvent['type'][];

export const allocationEventRegistrations = registrationsOf(allocationStreamType, allocationEventSchemaVersions);
