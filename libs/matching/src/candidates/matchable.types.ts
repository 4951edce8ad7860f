import type { AssistanceType, NeedStatus, Pillar, PledgeStatus, Priority, Quantity } from '@cm/domain';

/** A need as matching sees it: its terms and what it still has to receive, in its own unit. */
export interface MatchableNeed {
  readonly id: string;
  readonly requesterId: string;
  readonly pillar: Pillar;
  readonly assistanceType: AssistanceType;
  readonly category?: string;
  /** Quantity minus active allocations, as a canonical quantity (`{amount: '1200.00', unit: 'EUR'}`). */
  readonly remaining: Quantity;
  readonly priority: Priority;
  readonly neededBy?: string;
  readonly status: NeedStatus;
}

/** A pledge as matching sees it: its terms and what it still has to give, in its own unit. */
export interface MatchablePledge {
  readonly id: string;
  readonly donorId: string;
  readonly assistanceType: AssistanceType;
  readonly pillars: readonly Pillar[];
  readonly category?: string;
  readonly remaining: Quantity;
  readonly recipientId?: string;
  readonly validUntil?: string;
  readonly status: PledgeStatus;
}

/** What matching knows about the world besides the two sides: the clock and the history between participants. */
export interface MatchContext {
  /** ISO date or timestamp: decides pledge validity, urgency and the reference FX year. */
  readonly now: string;
  /** Art. 4(4): donor id → ids of the states where that donor used cluster munitions. */
  readonly formerUserLinks: Readonly<Record<string, readonly string[]>>;
  /** Confirmed deliveries so far between a donor and a recipient, keyed `${donorId}|${recipientId}`. */
  readonly confirmedDeliveries: Readonly<Record<string, number>>;
}

export const deliveryPairKey = (donorId: string, recipientId: string): string => `${donorId}|${recipientId}`;
