import { by, coordinator, germany, laos, norway, now, vietnam } from '../testing/actors';
import type { LeadPartnerChanged } from './events';
import { given, coalitionId, later, participants, formed, joined, dissolved } from './coalition.fixtures';

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
