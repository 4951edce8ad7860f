import { now } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { KnownParticipants } from './commands';
import type { CoalitionDissolved, CoalitionFormed, MemberJoined, MemberLeft } from './events';
import { coalitionDecider } from './index';

/** The coalition's known participants and given events, shared by its specs. */
export const given = specFor(coalitionDecider);
export const coalitionId = 'coalition-1';
export const later = '2026-04-01T12:00:00Z';
export const participants: KnownParticipants = {
  LAO: { kind: 'state' },
  NOR: { kind: 'state' },
  DEU: { kind: 'state' },
  UNMAS: { kind: 'organization' },
};

export const formed: CoalitionFormed = {
  type: 'CoalitionFormed',
  data: {
    coalitionId,
    name: 'Lao PDR country coalition',
    affectedStateId: 'LAO',
    leadPartnerId: 'NOR',
    nationalPlan: 'NRA strategic plan 2021-2030',
    formedAt: now,
  },
};
export const joined = (participantId: string, joinedAt = now): MemberJoined => ({
  type: 'MemberJoined',
  data: { coalitionId, participantId, joinedAt },
});
export const left = (participantId: string, leftAt = later): MemberLeft => ({
  type: 'MemberLeft',
  data: { coalitionId, participantId, leftAt },
});
export const dissolved: CoalitionDissolved = {
  type: 'CoalitionDissolved',
  data: { coalitionId, reason: 'plan completed', dissolvedAt: later },
};
