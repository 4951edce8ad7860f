import { registrationsOf } from '../decider';
import type { DomainEvent } from '../decider';
import type { ParticipantKind, TreatyStatus } from '../vocabulary';
import type { DeadlineArticle, TreatyAction } from './treaty';

export type ParticipantRegistered = DomainEvent<
  'ParticipantRegistered',
  {
    participantId: string;
    name: string;
    kind: ParticipantKind;
    treatyStatus?: TreatyStatus;
    usedClusterMunitionsIn: string[];
  }
>;

export type ParticipantUpdated = DomainEvent<
  'ParticipantUpdated',
  { participantId: string; name?: string; treatyStatus?: TreatyStatus; usedClusterMunitionsIn?: string[] }
>;

/** A signature, a deposit of ratification or accession, or a withdrawal taking effect, with its public source. */
export type TreatyActionRecorded = DomainEvent<
  'TreatyActionRecorded',
  { participantId: string; action: TreatyAction; on: string; source: string }
>;

export type DeadlineExtensionRequested = DomainEvent<
  'DeadlineExtensionRequested',
  { participantId: string; article: DeadlineArticle; requestedOn: string; requestedUntil: string; source?: string }
>;

/** The Meeting of States Parties (or Review Conference) decision; grantedUntil null when it refused. */
export type DeadlineExtensionDecided = DomainEvent<
  'DeadlineExtensionDecided',
  {
    participantId: string;
    article: DeadlineArticle;
    decidedOn: string;
    meeting: string;
    grantedUntil: string | null;
    source?: string;
  }
>;

export type ParticipantEvent =
  | ParticipantRegistered
  | ParticipantUpdated
  | TreatyActionRecorded
  | DeadlineExtensionRequested
  | DeadlineExtensionDecided;

export const participantStreamType = 'participant';

export const participantEventSchemaVersions: Record<ParticipantEvent['type'], number> = {
  ParticipantRegistered: 1,
  ParticipantUpdated: 1,
  TreatyActionRecorded: 1,
  DeadlineExtensionRequested: 1,
  DeadlineExtensionDecided: 1,
};

export const participantEventRegistrations = registrationsOf(participantStreamType, participantEventSchemaVersions);
