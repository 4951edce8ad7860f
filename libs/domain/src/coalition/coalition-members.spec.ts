import { by, germany, laos, norway, now } from '../testing/actors';
import { given, coalitionId, later, participants, formed, joined, left, dissolved } from './coalition.fixtures';

describe('coalition', () => {
  describe('joining', () => {
    const join = (participantId: string, actor = laos) => ({
      type: 'JoinCoalition' as const,
      data: { coalitionId, participantId, participants },
      metadata: by(actor),
    });

    it('the affected state adds a supporting partner', () =>
      given(formed)
        .when(join('DEU'))
        .then([joined('DEU')]));

    it('the lead partner adds one too', () =>
      given(formed)
        .when(join('UNMAS', norway))
        .then([joined('UNMAS')]));

    it('a supporting partner cannot add others', () =>
      given(formed, joined('DEU')).when(join('UNMAS', germany)).thenFails('FORBIDDEN_PARTICIPANT'));

    it('a participant cannot join twice', () =>
      given(formed, joined('DEU')).when(join('DEU')).thenFails('ALREADY_MEMBER'));

    it('the lead cannot join again as a supporting partner', () =>
      given(formed)
        .when(join('NOR'))
        .thenFails('ALREADY_MEMBER', /lead partner/));

    it('the affected state cannot join its own coalition as a partner', () =>
      given(formed).when(join('LAO')).thenFails('INELIGIBLE_PARTICIPANT'));

    it('an unregistered participant cannot join', () =>
      given(formed).when(join('ICRC')).thenFails('UNKNOWN_PARTICIPANT'));

    it('a partner that left may join again; both stretches stay in the history', () => {
      given(formed, joined('DEU'), left('DEU'))
        .when(join('DEU'))
        .then([joined('DEU')]);
      const { state } = given(formed, joined('DEU'), left('DEU'), joined('DEU', '2026-05-01T00:00:00Z'));
      expect(state?.memberships.filter((m) => m.participantId === 'DEU')).toEqual([
        { participantId: 'DEU', role: 'supporting_partner', since: now, until: later },
        { participantId: 'DEU', role: 'supporting_partner', since: '2026-05-01T00:00:00Z' },
      ]);
      expect(state?.memberIds).toEqual(['LAO', 'NOR', 'DEU']);
    });

    it('nobody joins a dissolved coalition', () =>
      given(formed, dissolved).when(join('DEU')).thenFails('COALITION_DISSOLVED'));

    it('refuses an unknown coalition', () => given().when(join('DEU')).thenFails('NOT_FOUND'));
  });

  describe('leaving', () => {
    const leave = (participantId: string, actor = laos) => ({
      type: 'LeaveCoalition' as const,
      data: { coalitionId, participantId },
      metadata: by(actor, later),
    });

    it('a supporting partner leaves on its own', () =>
      given(formed, joined('DEU'))
        .when(leave('DEU', germany))
        .then([left('DEU')]));

    it('the affected state removes a supporting partner', () =>
      given(formed, joined('DEU'))
        .when(leave('DEU'))
        .then([left('DEU')]));

    it('records the reason when one is given', () =>
      given(formed, joined('DEU'))
        .when({ ...leave('DEU'), data: { coalitionId, participantId: 'DEU', reason: 'budget cut' } })
        .then([
          { type: 'MemberLeft', data: { coalitionId, participantId: 'DEU', reason: 'budget cut', leftAt: later } },
        ]));

    it('leaving when not a member is refused', () => given(formed).when(leave('DEU')).thenFails('NOT_MEMBER'));

    it('leaving twice is refused', () =>
      given(formed, joined('DEU'), left('DEU')).when(leave('DEU')).thenFails('NOT_MEMBER'));

    it('another partner cannot remove one', () =>
      given(formed, joined('DEU'), joined('UNMAS')).when(leave('UNMAS', germany)).thenFails('FORBIDDEN_PARTICIPANT'));

    it('the lead partner must hand over before leaving', () =>
      given(formed)
        .when(leave('NOR', norway))
        .thenFails('INVALID_TRANSITION', /hand the lead/));

    it('the affected state cannot leave its own coalition', () =>
      given(formed)
        .when(leave('LAO'))
        .thenFails('INVALID_TRANSITION', /dissolve/));

    it('the member is no longer current, its stretch ends', () => {
      const { state } = given(formed, joined('DEU'), left('DEU'));
      expect(state?.memberIds).toEqual(['LAO', 'NOR']);
      expect(state?.memberships[2]).toEqual({
        participantId: 'DEU',
        role: 'supporting_partner',
        since: now,
        until: later,
      });
    });
  });
});
