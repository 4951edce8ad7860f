import type { ParticipantKind, TreatyStatus } from '../vocabulary';
import type { Treaty } from './treaty';

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly kind: ParticipantKind;
  readonly treatyStatus?: TreatyStatus;
  readonly usedClusterMunitionsIn: readonly string[];
  /** Signature, ratification or accession, withdrawal, and deadline extensions; absent until one is recorded. */
  readonly treaty?: Treaty;
}

/** Null until the participant is registered. */
export type ParticipantState = Participant | null;

export const initialParticipantState: ParticipantState = null;
