import type { DomainCommand } from '../decider';
import type { QuantityInput } from '../quantity/quantity';
import type { AssistanceType, Pillar, Priority } from '../vocabulary';

export type PostNeed = DomainCommand<
  'PostNeed',
  {
    needId: string;
    requesterId: string;
    pillar: Pillar;
    assistanceType: AssistanceType;
    category?: string;
    title: string;
    description?: string;
    quantity: QuantityInput;
    priority: Priority;
    neededBy?: string;
    location?: string;
  }
>;

export type ReviseNeed = DomainCommand<
  'ReviseNeed',
  { needId: string; quantity?: QuantityInput; priority?: Priority; neededBy?: string; description?: string }
>;

export type WithdrawNeed = DomainCommand<'WithdrawNeed', { needId: string; reason: string }>;

/** Sent by the allocation saga; the allocation decider has already checked who may allocate. */
export type ReserveNeedCapacity = DomainCommand<
  'ReserveNeedCapacity',
  { needId: string; allocationId: string; amount: QuantityInput }
>;

export type ReleaseNeedCapacity = DomainCommand<'ReleaseNeedCapacity', { needId: string; allocationId: string }>;

export type RecordNeedDelivery = DomainCommand<
  'RecordNeedDelivery',
  { needId: string; allocationId: string; deliveryId: string; amount: QuantityInput }
>;

export type NeedCommand =
  PostNeed | ReviseNeed | WithdrawNeed | ReserveNeedCapacity | ReleaseNeedCapacity | RecordNeedDelivery;
