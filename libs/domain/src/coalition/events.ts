import { registrationsOf, type DomainEvent } from '../decider';

export type CoalitionFormed = DomainEvent<
  'CoalitionFormed',
  {
    coalitionId: string;
    name: string;
    affectedStateId: string;
    leadPartnerId: string;
    nationalPlan?: string;
    formedAt: string;
  }
>;

export type MemberJoined = DomainEvent<
  'MemberJoined',
  { coalitionId: string; participantId: string; joinedAt: string }
>;

export type MemberLeft = DomainEvent<
  'MemberLeft',
  { coalitionId: string; participantId: string; reason?: string; leftAt: string }
>;

export type LeadPartnerChanged = DomainEvent<
  'LeadPartnerChanged',
  { coalitionId: string; previousLeadId: string; leadPartnerId: string; changedAt: string }
>;

export type CoalitionDissolved = DomainEvent<
  'CoalitionDissolved',
  { coalitionId: string; reason: string; dissolvedAt: string }
>;

export type CoalitionEvent = CoalitionFormed | MemberJoined | MemberLeft | LeadPartnerChanged | CoalitionDissolved;

export const coalitionStreamType = 'coalition';

export const coalitionEventSchemaVersions: Record<CoalitionEvent['type'], number> = {
  CoalitionFormed: 1,
  MemberJoined: 1,
  MemberLeft: 1,
  LeadPartnerChanged: 1,
  CoalitionDissolved: 1,
};

export const coalitionEventTypes = Object.keys(coalitionEventSchemaVersions) as CoalitionEvent['type'][];

export const coalitionEventRegistrations = registrationsOf(coalitionStreamType, coalitionEventSchemaVersions);
