import { fold, streamOf } from '../testing/envelopes';
import { evolveParticipantView } from './participant-view';

const event = streamOf('participant', 'NOR');
const events = [
  event('ParticipantRegistered', {
    participantId: 'NOR',
    name: 'Norway',
    kind: 'state',
    treatyStatus: 'state_party',
    usedClusterMunitionsIn: [],
  }),
  event('ParticipantUpdated', { participantId: 'NOR', name: 'Kingdom of Norway' }),
];

describe('the participants read model', () => {
  it('shows the participant as last updated, once per version', () => {
    const participant = fold(evolveParticipantView, [...events, ...events]);
    expect(participant).toEqual({
      _id: 'NOR',
      id: 'NOR',
      version: 2,
      name: 'Kingdom of Norway',
      kind: 'state',
      treatyStatus: 'state_party',
      usedClusterMunitionsIn: [],
      updatedAt: events[1].occurredAt,
    });
  });
});
