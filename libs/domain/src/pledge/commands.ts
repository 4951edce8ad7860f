import type { DomainCommand } from '../decider';
import type { QuantityInput } from '../quantity/quantity';
import type { AssistanceType, Pillar } from '../vocabulary';

export type SubmitPledge = DomainCommand<
  'SubmitPledge',
  {
    pledgeId: string;
    donorId: string;
    assistanceType: AssistanceType;
    pillars: Pillar[];
    category?: string;
    quantity: QuantityInput;
    /** A targeted pledge can only be allocated to needs of this participant. */
    recipientId?: string;
    /** When the pledge was really made; never in the future. */
    pledgedOn?: string;
    validUntil?: string;
    conditions?: string;
  }
>;

export type RevisePledge = DomainCommand<
  'RevisePledge',
  { pledgeId: string; quantity?: QuantityInput; validUntil?: string; conditions?: string }
>;

export type WithdrawPledge = DomainCommand<'WithdrawPledge', { pledgeId: string; reason: string }>;

/** Sent by a scheduler once `validUntil` has passed; `metadata.now` is the moment checked. */
export type ExpirePledge = DomainCommand<'ExpirePledge', { pledgeId: string }>;

/** Sent by the allocation saga; the allocation decider has already checked who may allocate. */
export type ReservePledgeCapacity = DomainCommand<
  'ReservePledgeCapacity',
  { pledgeId: string; allocationId: string; amount: QuantityInput }
>;

export type ReleasePledgeCapacity = DomainCommand<'ReleasePledgeCapacity', { pledgeId: string; allocationId: string }>;

export type RecordPledgeDelivery = DomainCommand<
  'RecordPledgeDelivery',
  { pledgeId: string; allocationId: string; deliveryId: string; amount: QuantityInput }
>;

export type PledgeCommand =
  | SubmitPledge
  | RevisePledge
  | WithdrawPledge
  | ExpirePledge
  | ReservePledgeCapacity
  | ReleasePledgeCapacity
  | RecordPledgeDelivery;
