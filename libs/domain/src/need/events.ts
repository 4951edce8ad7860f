import { registrationsOf, type DomainEvent } from '../decider';
import type { Quantity } from '../quantity/quantity';
import type { AssistanceType, Pillar, Priority } from '../vocabulary';
import type { NeedStatus } from './state';

export type NeedPosted = DomainEvent<
  'NeedPosted',
  {
    needId: string;
    requesterId: string;
    pillar: Pillar;
    assistanceType: AssistanceType;
    category?: string;
    title: string;
    description?: string;
    quantity: Quantity;
    priority: Priority;
    neededBy?: string;
    location?: string;
    postedAt: string;
  }
>;

export type NeedRevised = DomainEvent<
  'NeedRevised',
  {
    needId: string;
    quantity?: Quantity;
    priority?: Priority;
    neededBy?: string;
    description?: string;
    status: NeedStatus;
  }
>;

/** Lists the allocations still holding capacity, so that the saga can cancel them. */
export type NeedWithdrawn = DomainEvent<
  'NeedWithdrawn',
  { needId: string; reason: string; openAllocationIds: string[] }
>;

export type NeedCapacityReserved = DomainEvent<
  'NeedCapacityReserved',
  { needId: string; allocationId: string; amount: Quantity; status: NeedStatus }
>;

export type NeedCapacityReleased = DomainEvent<
  'NeedCapacityReleased',
  { needId: string; allocationId: string; released: Quantity; status: NeedStatus }
>;

export type NeedDeliveryConfirmed = DomainEvent<
  'NeedDeliveryConfirmed',
  { needId: string; allocationId: string; deliveryId: string; amount: Quantity; status: NeedStatus }
>;

export type NeedEvent =
  NeedPosted | NeedRevised | NeedWithdrawn | NeedCapacityReserved | NeedCapacityReleased | NeedDeliveryConfirmed;

export const needStreamType = 'need';

export const needEventSchemaVersions: Record<NeedEvent['type'], number> = {
  NeedPosted: 1,
  NeedRevised: 1,
  NeedWithdrawn: 1,
  NeedCapacityReserved: 1,
  NeedCapacityReleased: 1,
  NeedDeliveryConfirmed: 1,
};

export const needEventRegistrations = registrationsOf(needStreamType, needEventSchemaVersions);
