import { registrationsOf } from '../decider';
import type { DomainEvent } from '../decider';
import type { ParticipantKind, TreatyStatus } from '../vocabulary';

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

export type ParticipantEvent = ParticipantRegistered | ParticipantUpdated;

export const participantStreamType = 'participant';

export const participantEventSchemaVersions: Record<ParticipantEvent['type'], number> = {
  ParticipantRegistered: 1,
  ParticipantUpdated: 1,
};

export const participantEventTypes = Object.keys(participantEventSchemaVersions) as ParticipantEvent['type'][];

export const participantEventRegistrations = registrationsOf(participantStreamType, participantEventSchemaVersions);
