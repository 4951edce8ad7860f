import type { DomainCommand } from '../decider';
import type { QuantityInput } from '../quantity/quantity';
import type { NeedTerms, PledgeTerms } from './compatibility';

/** Starts the allocation saga: the pledge and the need are reserved next, then the reservation is confirmed. */
export type RequestAllocation = DomainCommand<
  'RequestAllocation',
  {
    allocationId: string;
    pledge: PledgeTerms;
    need: NeedTerms;
    /** In the pledge's unit. */
    amount: QuantityInput;
    /** When the commitment was really made; never in the future. Sets the exchange-rate year. */
    committedOn?: string;
  }
>;

export type ConfirmAllocationReservation = DomainCommand<'ConfirmAllocationReservation', { allocationId: string }>;

/** The saga could not reserve capacity (e.g. OVER_ALLOCATION); `code` is the failing rule's error code. */
export type RejectAllocation = DomainCommand<
  'RejectAllocation',
  { allocationId: string; code: string; detail: string }
>;

export type AcceptAllocation = DomainCommand<'AcceptAllocation', { allocationId: string }>;

export type DeclineAllocation = DomainCommand<'DeclineAllocation', { allocationId: string; reason?: string }>;

export type CancelAllocation = DomainCommand<'CancelAllocation', { allocationId: string; reason: string }>;

export type RecordDelivery = DomainCommand<
  'RecordDelivery',
  {
    allocationId: string;
    deliveryId: string;
    /** In the pledge's unit. */
    amount: QuantityInput;
    deliveredOn: string;
    reference?: string;
    note?: string;
  }
>;

export type ConfirmDelivery = DomainCommand<
  'ConfirmDelivery',
  { allocationId: string; deliveryId: string; receivedOn?: string }
>;

export type DisputeDelivery = DomainCommand<
  'DisputeDelivery',
  { allocationId: string; deliveryId: string; reason: string }
>;

/** The donor answers a dispute with a corrected amount and/or date; the delivery awaits confirmation again. */
export type CorrectDelivery = DomainCommand<
  'CorrectDelivery',
  {
    allocationId: string;
    deliveryId: string;
    /** In the pledge's unit. */
    amount?: QuantityInput;
    deliveredOn?: string;
    reason: string;
  }
>;

/** The donor takes back a disputed delivery: it no longer counts anywhere. */
export type WithdrawDelivery = DomainCommand<
  'WithdrawDelivery',
  { allocationId: string; deliveryId: string; reason: string }
>;

/** The recipient takes back its dispute, which confirms the delivery as recorded. */
export type WithdrawDeliveryDispute = DomainCommand<
  'WithdrawDeliveryDispute',
  { allocationId: string; deliveryId: string; reason?: string; receivedOn?: string }
>;

export type AllocationCommand =
  | RequestAllocation
  | ConfirmAllocationReservation
  | RejectAllocation
  | AcceptAllocation
  | DeclineAllocation
  | CancelAllocation
  | RecordDelivery
  | ConfirmDelivery
  | DisputeDelivery
  | CorrectDelivery
  | WithdrawDelivery
  | WithdrawDeliveryDispute;
