import { specFor } from '../testing/given-when-then';
import type { ParticipantEvent, ParticipantRegistered } from './events';
import { evolveParticipant, participantDecider } from './index';
import type { Treaty } from './treaty';

/** The participants and treaty actions the treaty specs start from. */
export const given = specFor(participantDecider);
export const source = 'UN Treaty Collection, Chapter XXVI-6';
export const registered = (participantId: string, name: string, kind: 'state' | 'organization' = 'state') =>
  ({
    type: 'ParticipantRegistered',
    data: { participantId, name, kind, usedClusterMunitionsIn: [] },
  }) as ParticipantRegistered;
export const lao = registered('LAO', 'Lao PDR');
export const laoRatified: ParticipantEvent = {
  type: 'TreatyActionRecorded',
  data: { participantId: 'LAO', action: 'ratification', on: '2009-03-18', source },
};
export const treatyOf = (events: ParticipantEvent[]): Treaty =>
  events.reduce(evolveParticipant, null as ReturnType<typeof evolveParticipant>)!.treaty!;
