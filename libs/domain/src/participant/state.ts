import type { ParticipantKind, TreatyStatus } from '../vocabulary';

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly kind: ParticipantKind;
  readonly treatyStatus?: TreatyStatus;
  readonly usedClusterMunitionsIn: readonly string[];
}

/** Null until the participant is registered. */
export type ParticipantState = Participant | null;

export const initialParticipantState: ParticipantState = null;
