import type { DomainCommand } from '../decider';
import type { ParticipantKind } from '../vocabulary';

/**
 * The registered participants a command names, as the handler found them (absent: not registered). The domain has no
 * I/O, so eligibility is decided on what the command brings.
 */
export type KnownParticipants = Readonly<Record<string, { readonly kind: ParticipantKind } | undefined>>;

export type FormCoalition = DomainCommand<
  'FormCoalition',
  {
    coalitionId: string;
    name: string;
    affectedStateId: string;
    leadPartnerId: string;
    /** A reference to the national plan the coalition works on (title, document number or URL). */
    nationalPlan?: string;
    participants: KnownParticipants;
  }
>;

export type JoinCoalition = DomainCommand<
  'JoinCoalition',
  { coalitionId: string; participantId: string; participants: KnownParticipants }
>;

export type LeaveCoalition = DomainCommand<
  'LeaveCoalition',
  { coalitionId: string; participantId: string; reason?: string }
>;

/** The new lead must already be a supporting partner; the former lead stays on as a supporting partner. */
export type ChangeLeadPartner = DomainCommand<'ChangeLeadPartner', { coalitionId: string; participantId: string }>;

export type DissolveCoalition = DomainCommand<'DissolveCoalition', { coalitionId: string; reason: string }>;

export type CoalitionCommand = FormCoalition | JoinCoalition | LeaveCoalition | ChangeLeadPartner | DissolveCoalition;
