import { fold, streamOf } from '../testing/envelopes';
import { evolveCoalitionView } from './coalition-view';

const event = streamOf('coalition', 'c1');
const events = [
  event('CoalitionFormed', {
    coalitionId: 'c1',
    name: 'Lao PDR country coalition',
    affectedStateId: 'LAO',
    leadPartnerId: 'NOR',
    formedAt: '2025-03-01T10:01:00.000Z',
  }),
  event('MemberJoined', { coalitionId: 'c1', participantId: 'DEU', joinedAt: '2025-03-01T10:02:00.000Z' }),
  event('MemberJoined', { coalitionId: 'c1', participantId: 'UNMAS', joinedAt: '2025-03-01T10:03:00.000Z' }),
  event('LeadPartnerChanged', {
    coalitionId: 'c1',
    previousLeadId: 'NOR',
    leadPartnerId: 'DEU',
    changedAt: '2025-03-01T10:04:00.000Z',
  }),
  event('MemberLeft', { coalitionId: 'c1', participantId: 'UNMAS', leftAt: '2025-03-01T10:05:00.000Z' }),
];

describe('the coalitions read model', () => {
  it('keeps the current members with their roles and every membership with its dates', () => {
    const view = fold(evolveCoalitionView, events);
    expect(view).toMatchObject({
      _id: 'c1',
      id: 'c1',
      version: 5,
      status: 'active',
      leadPartnerId: 'DEU',
      memberIds: ['LAO', 'DEU', 'NOR'],
    });
    expect(view?.memberships).toEqual([
      { participantId: 'LAO', role: 'affected_state', since: '2025-03-01T10:01:00.000Z' },
      {
        participantId: 'NOR',
        role: 'lead_partner',
        since: '2025-03-01T10:01:00.000Z',
        until: '2025-03-01T10:04:00.000Z',
      },
      {
        participantId: 'DEU',
        role: 'supporting_partner',
        since: '2025-03-01T10:02:00.000Z',
        until: '2025-03-01T10:04:00.000Z',
      },
      {
        participantId: 'UNMAS',
        role: 'supporting_partner',
        since: '2025-03-01T10:03:00.000Z',
        until: '2025-03-01T10:05:00.000Z',
      },
      { participantId: 'DEU', role: 'lead_partner', since: '2025-03-01T10:04:00.000Z' },
      { participantId: 'NOR', role: 'supporting_partner', since: '2025-03-01T10:04:00.000Z' },
    ]);
  });

  it('replaying the stream, or any event again, gives the same document', () => {
    const once = fold(evolveCoalitionView, events);
    expect(fold(evolveCoalitionView, [...events, ...events])).toEqual(once);
    expect(fold(evolveCoalitionView, [events[0], events[1], events[1], ...events.slice(2)])).toEqual(once);
  });
});
