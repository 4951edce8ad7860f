import { by, coordinator, germany, laos, norway, now, vietnam } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { KnownParticipants } from './commands';
import type { CoalitionDissolved, CoalitionFormed, LeadPartnerChanged, MemberJoined, MemberLeft } from './events';
import { coalitionDecider } from './index';

const given = specFor(coalitionDecider);
const coalitionId = 'coalition-1';
const later = '2026-04-01T12:00:00Z';
const participants: KnownParticipants = {
  LAO: { kind: 'state' },
  NOR: { kind: 'state' },
  DEU: { kind: 'state' },
  UNMAS: { kind: 'organization' },
};

const formed: CoalitionFormed = {
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
const joined = (participantId: string, joinedAt = now): MemberJoined => ({
  type: 'MemberJoined',
  data: { coalitionId, participantId, joinedAt },
});
const left = (participantId: string, leftAt = later): MemberLeft => ({
  type: 'MemberLeft',
  data: { coalitionId, participantId, leftAt },
});
const dissolved: CoalitionDissolved = {
  type: 'CoalitionDissolved',
  data: { coalitionId, reason: 'plan completed', dissolvedAt: later },
};

describe('coalition', () => {
  describe('forming', () => {
    const { formedAt: _formedAt, ...terms } = formed.data;
    const form = { ...terms, participants };
    const formCommand = (data: Partial<typeof form> = {}, actor = laos) => ({
      type: 'FormCoalition' as const,
      data: { ...form, ...data },
      metadata: by(actor),
    });

    it('the affected state forms its own coalition with a lead partner', () =>
      given().when(formCommand()).then([formed]));

    it('a coordinator forms one on its behalf', () => given().when(formCommand({}, coordinator)).then([formed]));

    it('another state cannot form a coalition for Laos', () =>
      given().when(formCommand({}, vietnam)).thenFails('FORBIDDEN_PARTICIPANT'));

    it('a donor cannot form one, even as its would-be lead', () =>
      given().when(formCommand({}, norway)).thenFails('FORBIDDEN_PARTICIPANT'));

    it('refuses an affected state that is not registered', () =>
      given()
        .when(formCommand({ participants: { NOR: { kind: 'state' } } }))
        .thenFails('UNKNOWN_PARTICIPANT', /LAO/));

    it('refuses an organisation as the affected state', () =>
      given()
        .when(formCommand({ affectedStateId: 'UNMAS' }, coordinator))
        .thenFails('INVALID_FIELD'));

    it('refuses an affected state registered as an organisation', () =>
      given()
        .when(formCommand({ participants: { ...participants, LAO: { kind: 'organization' } } }))
        .thenFails('INELIGIBLE_PARTICIPANT'));

    it('refuses a lead partner that is not registered', () =>
      given()
        .when(formCommand({ leadPartnerId: 'ICRC' }))
        .thenFails('UNKNOWN_PARTICIPANT', /ICRC/));

    it('refuses the affected state as its own lead partner', () =>
      given()
        .when(formCommand({ leadPartnerId: 'LAO' }))
        .thenFails('INELIGIBLE_PARTICIPANT'));

    it('an organisation may lead', () =>
      given()
        .when(formCommand({ leadPartnerId: 'UNMAS' }))
        .then([{ ...formed, data: { ...formed.data, leadPartnerId: 'UNMAS' } }]));

    it('refuses to form the same coalition twice', () => given(formed).when(formCommand()).thenFails('ALREADY_EXISTS'));

    it('starts with the state and the lead as members', () => {
      const { state } = given(formed);
      expect(state?.memberIds).toEqual(['LAO', 'NOR']);
      expect(state?.memberships).toEqual([
        { participantId: 'LAO', role: 'affected_state', since: now },
        { participantId: 'NOR', role: 'lead_partner', since: now },
      ]);
    });
  });

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

  describe('changing the lead partner', () => {
    const change = (participantId: string, actor = laos) => ({
      type: 'ChangeLeadPartner' as const,
      data: { coalitionId, participantId },
      metadata: by(actor, later),
    });
    const changed: LeadPartnerChanged = {
      type: 'LeadPartnerChanged',
      data: { coalitionId, previousLeadId: 'NOR', leadPartnerId: 'DEU', changedAt: later },
    };

    it('hands the lead to a supporting partner', () =>
      given(formed, joined('DEU')).when(change('DEU')).then([changed]));

    it('the outgoing lead may hand over itself', () =>
      given(formed, joined('DEU')).when(change('DEU', norway)).then([changed]));

    it('a supporting partner cannot take the lead by itself', () =>
      given(formed, joined('DEU')).when(change('DEU', germany)).thenFails('FORBIDDEN_PARTICIPANT'));

    it('the new lead must be a current supporting partner', () =>
      given(formed).when(change('DEU')).thenFails('NOT_MEMBER'));

    it('naming the current lead again changes nothing', () => given(formed).when(change('NOR')).then([]));

    it('the former lead stays as a supporting partner', () => {
      const { state } = given(formed, joined('DEU'), changed);
      expect(state?.leadPartnerId).toBe('DEU');
      expect(state?.memberIds).toEqual(['LAO', 'DEU', 'NOR']);
      expect(state?.memberships.filter((m) => m.until === undefined)).toEqual([
        { participantId: 'LAO', role: 'affected_state', since: now },
        { participantId: 'DEU', role: 'lead_partner', since: later },
        { participantId: 'NOR', role: 'supporting_partner', since: later },
      ]);
    });
  });

  describe('dissolving', () => {
    const dissolve = (actor = laos) => ({
      type: 'DissolveCoalition' as const,
      data: { coalitionId, reason: 'plan completed' },
      metadata: by(actor, later),
    });

    it('the affected state dissolves its coalition', () => given(formed).when(dissolve()).then([dissolved]));

    it('a coordinator may too', () => given(formed).when(dissolve(coordinator)).then([dissolved]));

    it('the lead partner may not', () => given(formed).when(dissolve(norway)).thenFails('FORBIDDEN_PARTICIPANT'));

    it('dissolving again changes nothing', () => given(formed, dissolved).when(dissolve()).then([]));

    it('a dissolved coalition keeps its members and history', () => {
      const { state } = given(formed, dissolved);
      expect(state?.status).toBe('dissolved');
      expect(state?.dissolvedAt).toBe(later);
      expect(state?.memberIds).toEqual(['LAO', 'NOR']);
    });
  });
});
