import type { DomainCommand } from '../decider';
import type { ParticipantKind, TreatyStatus } from '../vocabulary';

export type RegisterParticipant = DomainCommand<
  'RegisterParticipant',
  {
    id: string;
    name: string;
    kind: ParticipantKind;
    treatyStatus?: TreatyStatus;
    /** Alpha-3 ids of states where this participant used cluster munitions (Art. 4(4)). */
    usedClusterMunitionsIn?: string[];
  }
>;

export type UpdateParticipant = DomainCommand<
  'UpdateParticipant',
  { id: string; name?: string; treatyStatus?: TreatyStatus; usedClusterMunitionsIn?: string[] }
>;

export type RecordTreatyAction = DomainCommand<
  'RecordTreatyAction',
  { id: string; action: string; on: string; source: string }
>;

export type RequestDeadlineExtension = DomainCommand<
  'RequestDeadlineExtension',
  { id: string; article: string; requestedOn: string; requestedUntil: string; source?: string }
>;

export type DecideDeadlineExtension = DomainCommand<
  'DecideDeadlineExtension',
  { id: string; article: string; decidedOn: string; meeting: string; grantedUntil: string | null; source?: string }
>;

export type ParticipantCommand =
  RegisterParticipant | UpdateParticipant | RecordTreatyAction | RequestDeadlineExtension | DecideDeadlineExtension;
