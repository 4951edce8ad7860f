import { dumpGeneration, dumpLive, rebuildProjectionSet } from '@cm/read-models';
import { Answer } from '../support/api-client';
import { useActorStack } from '../support/actor-stack';
import { testKafka } from '../support/servers';

interface Amount {
  amount: number;
  unit: string;
}

/**
 * A country coalition over the real stack (api, relay and projector on Kafka and FerretDB): Laos forms it with Norway
 * as lead, Germany joins; Japan, not a member, also funds a Lao need. Figures by hand:
 *   clearance need USD 100,000: NOR 40,000 allocated (10,000 delivered, confirmed), JPN 20,000 → unmet 40,000;
 *   victim-assistance need USD 50,000: DEU 30,000 allocated → unmet 20,000.
 * Left to match: NOR 20,000 of 60,000, DEU 15,000 of 45,000, JPN 15,000 of 35,000.
 */
describe('country coalitions (api, relay and projector processes)', () => {
  const { database, topicPrefix, db, send, ok, read } = useActorStack('coalitions', {
    env: { CONSISTENCY_WAIT_MS: '30000' },
    participants: [
      'LAO',
      'KHM',
      'NOR',
      'DEU',
      'JPN',
      { id: 'UNMAS', name: 'UN Mine Action Service', kind: 'organization' },
    ],
  });
  const ids: Record<string, string> = {};

  const formBody = { name: 'Lao PDR country coalition', affectedStateId: 'LAO', leadPartnerId: 'NOR' };

  it('the affected State forms its coalition once per Idempotency-Key; others and bad partners are refused', async () => {
    const key = { 'idempotency-key': `${database}-form` };
    const body = { ...formBody, nationalPlan: 'NRA Safe Path Forward III 2021-2030' };
    const formed = await send('POST', '/coalitions', 'LAO', body, key);
    expect(formed).toMatchObject({ status: 201, body: { version: 1, status: 'active' } });
    expect(formed.body.consistencyToken).toEqual(expect.any(String));
    ids.coalition = formed.body.id as string;
    const again = await send('POST', '/coalitions', 'LAO', body, key);
    expect(again).toMatchObject({ status: 201, body: { id: ids.coalition, version: 1 } });

    const problem = (answer: Answer) => ({ status: answer.status, code: answer.body.code, type: answer.contentType });
    expect(problem(await send('POST', '/coalitions', 'KHM', formBody))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN_PARTICIPANT',
      type: expect.stringContaining('application/problem+json'),
    });
    expect(problem(await send('POST', '/coalitions', 'NOR', formBody))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(problem(await send('POST', '/coalitions', 'LAO', { ...formBody, leadPartnerId: 'ICRC' }))).toMatchObject({
      status: 422,
      code: 'UNKNOWN_PARTICIPANT',
    });
    const organisation = await send('POST', '/coalitions', 'coordinator', { ...formBody, affectedStateId: 'UNMAS' });
    expect(organisation).toMatchObject({ status: 400, body: { code: 'INVALID_FIELD' } });
    expect(organisation.body.errors).toEqual([expect.objectContaining({ field: 'affectedStateId' })]);
    const missing = await send('POST', '/coalitions', 'LAO', { affectedStateId: 'LAO', leadPartnerId: 'NOR' });
    expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const fields = (missing.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields.length).toBeGreaterThan(0);
    expect(new Set(fields)).toEqual(new Set(['name']));
  });

  it('the lead partner adds members; a member cannot join twice; staff and members see the history', async () => {
    const coalition = `/coalitions/${ids.coalition}`;
    expect((await send('POST', `${coalition}/members`, 'NOR', { participantId: 'DEU' })).status).toBe(200);
    expect(await send('POST', `${coalition}/members`, 'LAO', { participantId: 'DEU' })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_MEMBER' },
    });
    expect(await send('POST', `${coalition}/members`, 'DEU', { participantId: 'UNMAS' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN_PARTICIPANT' },
    });
    const joined = await ok('POST', `${coalition}/members`, 'LAO', { participantId: 'UNMAS' });
    expect(joined.body.version).toBe(3);
    const left = await ok('POST', `${coalition}/members/UNMAS/leave`, 'coordinator', { reason: 'mandate ended' });
    expect(await send('POST', `${coalition}/members/UNMAS/leave`, 'LAO', {})).toMatchObject({
      status: 422,
      body: { code: 'NOT_MEMBER' },
    });
    expect(await send('POST', `${coalition}/members/NOR/leave`, 'NOR', {})).toMatchObject({
      status: 422,
      body: { code: 'INVALID_TRANSITION' },
    });

    const view = await read(coalition, 'DEU', left.body.consistencyToken as string);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      id: ids.coalition,
      version: 4,
      affectedStateId: 'LAO',
      leadPartnerId: 'NOR',
      nationalPlan: 'NRA Safe Path Forward III 2021-2030',
      memberIds: ['LAO', 'NOR', 'DEU'],
    });
    expect(
      (view.body.memberships as { participantId: string; role: string; until?: string }[]).map((m) => [
        m.participantId,
        m.role,
        m.until !== undefined,
      ]),
    ).toEqual([
      ['LAO', 'affected_state', false],
      ['NOR', 'lead_partner', false],
      ['DEU', 'supporting_partner', false],
      ['UNMAS', 'supporting_partner', true],
    ]);
    expect((await read(coalition, 'analyst')).status).toBe(200);
    expect(await read(coalition, 'KHM')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await read(coalition, 'JPN')).toMatchObject({ status: 403 });
    expect(await read('/coalitions/0194f5a2-0000-7000-8000-000000000000', 'coordinator')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });

    const listed = (as: string, query = '') => read(`/coalitions${query}`, as);
    const idsOf = (answer: Answer) => (answer.body.items as { id: string }[]).map((c) => c.id);
    expect(idsOf(await listed('DEU'))).toEqual([ids.coalition]);
    expect(idsOf(await listed('KHM'))).toEqual([]);
    expect(idsOf(await listed('coordinator', '?memberId=DEU'))).toEqual([ids.coalition]);
    expect(idsOf(await listed('coordinator', '?memberId=UNMAS'))).toEqual([]);
    expect(idsOf(await listed('JPN', '?memberId=NOR'))).toEqual([]);
    expect(await listed('coordinator', '?memberId=lower')).toMatchObject({ status: 400 });
  });

  it("the pipeline shows the State's needs with the members' pledges, allocations and deliveries", async () => {
    const need = async (key: string, pillar: string, amount: number, priority: string) => {
      const answer = await ok('POST', '/needs', 'LAO', {
        requesterId: key.startsWith('khm') ? 'KHM' : 'LAO',
        pillar,
        assistanceType: 'financial',
        title: `${pillar} programme`,
        quantity: { amount, unit: 'USD' },
        priority,
      });
      ids[key] = answer.body.id as string;
    };
    const pledge = async (donor: string, pillars: string[], amount: number) => {
      const answer = await ok('POST', '/pledges', donor, {
        donorId: donor,
        assistanceType: 'financial',
        pillars,
        quantity: { amount, unit: 'USD' },
        conditions: `${donor} reporting conditions`,
      });
      ids[`pledge${donor}`] = answer.body.id as string;
    };
    await need('laoClearance', 'clearance', 100000, 'critical');
    await need('laoVictims', 'victim_assistance', 50000, 'high');
    ids.khmClearance = (
      await ok('POST', '/needs', 'KHM', {
        requesterId: 'KHM',
        pillar: 'clearance',
        assistanceType: 'financial',
        title: 'Clearance in Cambodia',
        quantity: { amount: 80000, unit: 'USD' },
        priority: 'high',
      })
    ).body.id as string;
    await pledge('NOR', ['clearance'], 60000);
    await pledge('DEU', ['clearance', 'victim_assistance'], 45000);
    await pledge('JPN', ['clearance'], 35000);
    // Open pledges of a partner with no allocation yet: one that could serve the State, one targeted elsewhere.
    const openPledge = async (extra: Record<string, unknown>) =>
      (
        await ok('POST', '/pledges', 'NOR', {
          donorId: 'NOR',
          assistanceType: 'financial',
          pillars: ['victim_assistance'],
          quantity: { amount: 25000, unit: 'USD' },
          ...extra,
        })
      ).body.id as string;
    ids.pledgeNOROpen = await openPledge({});
    ids.pledgeNORForKhm = await openPledge({ recipientId: 'KHM' });

    const allocate = async (donor: string, needKey: string, amount: number) => {
      const answer = await ok('POST', '/allocations', donor, {
        pledgeId: ids[`pledge${donor}`],
        needId: ids[needKey],
        amount,
      });
      await ok('POST', `/allocations/${answer.body.id as string}/accept`, 'LAO', {});
      return answer.body.id as string;
    };
    ids.allocationNOR = await allocate('NOR', 'laoClearance', 40000);
    ids.allocationDEU = await allocate('DEU', 'laoVictims', 30000);
    ids.allocationJPN = await allocate('JPN', 'laoClearance', 20000);
    const delivery = await ok('POST', `/allocations/${ids.allocationNOR}/deliveries`, 'NOR', {
      amount: 10000,
      deliveredOn: '2026-01-15',
      reference: 'NOR-LAO-2026-1',
      note: 'first tranche, internal',
    });
    const confirmed = await ok(
      'POST',
      `/allocations/${ids.allocationNOR}/deliveries/${delivery.body.id as string}/confirm`,
      'LAO',
      {},
    );

    const answer = await read(
      `/coalitions/${ids.coalition}/pipeline`,
      'NOR',
      confirmed.body.consistencyToken as string,
    );
    expect(answer.status).toBe(200);
    const pipeline = answer.body as {
      needs: {
        id: string;
        allocated: Amount;
        allocatedByMembers: Amount;
        deliveredByMembers: Amount;
        unmet: Amount;
        allocations: { id: string; donorId: string; deliveries: { status: string; amount: Amount }[] }[];
      }[];
      members: { participantId: string; role: string; pledges: { id: string }[]; usd: Record<string, string> }[];
      pillars: { pillar: string; needs: number; usd: Record<string, string> }[];
      unmet: { needId: string; unmet: Amount }[];
    };
    expect(pipeline.needs.map((n) => n.id).sort()).toEqual([ids.laoClearance, ids.laoVictims].sort());
    const clearance = pipeline.needs.find((n) => n.id === ids.laoClearance)!;
    expect(clearance).toMatchObject({
      allocated: { amount: 60000, unit: 'USD' },
      allocatedByMembers: { amount: 40000, unit: 'USD' },
      deliveredByMembers: { amount: 10000, unit: 'USD' },
      unmet: { amount: 40000, unit: 'USD' },
    });
    expect(clearance.allocations.map((a) => [a.id, a.donorId])).toEqual([[ids.allocationNOR, 'NOR']]);
    expect(clearance.allocations[0].deliveries).toEqual([
      expect.objectContaining({ status: 'confirmed', amount: { amount: 10000, unit: 'USD' } }),
    ]);
    expect(pipeline.members.map((m) => [m.participantId, m.role, m.pledges.map((p) => p.id)])).toEqual([
      ['LAO', 'affected_state', []],
      ['NOR', 'lead_partner', [ids.pledgeNOR, ids.pledgeNOROpen].sort()],
      ['DEU', 'supporting_partner', [ids.pledgeDEU]],
    ]);
    expect(pipeline.members[1].usd).toEqual({ allocated: '40000.00', delivered: '10000.00' });
    expect(pipeline.pillars.find((p) => p.pillar === 'clearance')).toMatchObject({
      needs: 1,
      usd: { requested: '100000.00', allocated: '60000.00', allocatedByMembers: '40000.00', unmet: '40000.00' },
    });
    expect(pipeline.pillars.find((p) => p.pillar === 'victim_assistance')).toMatchObject({
      needs: 1,
      usd: { requested: '50000.00', allocated: '30000.00', allocatedByMembers: '30000.00', unmet: '20000.00' },
    });
    expect(pipeline.unmet).toEqual([
      expect.objectContaining({ needId: ids.laoClearance, unmet: { amount: 40000, unit: 'USD' } }),
      expect.objectContaining({ needId: ids.laoVictims, unmet: { amount: 20000, unit: 'USD' } }),
    ]);
    const text = JSON.stringify(pipeline);
    for (const hidden of [
      ids.allocationJPN,
      ids.pledgeJPN,
      ids.pledgeNORForKhm,
      'internal',
      'NOR-LAO-2026-1',
      'reporting conditions',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).not.toContain(ids.khmClearance);

    expect(await read(`/coalitions/${ids.coalition}/pipeline`, 'JPN')).toMatchObject({ status: 403 });
    expect(await read(`/coalitions/${ids.coalition}/pipeline`, 'KHM')).toMatchObject({ status: 403 });
    expect((await read(`/coalitions/${ids.coalition}/pipeline`, 'analyst')).status).toBe(200);
  });

  it("matching filtered to the coalition keeps the State's needs and the partners' pledges", async () => {
    const coalition = `coalition=${ids.coalition}`;
    const candidates = await read(`/needs/${ids.laoClearance}/matches?${coalition}`, 'NOR');
    expect(candidates.status).toBe(200);
    const pledgeIds = (candidates.body.items as { pledgeId: string }[]).map((c) => c.pledgeId).sort();
    expect(pledgeIds).toEqual([ids.pledgeNOR, ids.pledgeDEU].sort());
    const unfiltered = await read(`/needs/${ids.laoClearance}/matches`, 'NOR');
    expect((unfiltered.body.items as { pledgeId: string }[]).map((c) => c.pledgeId)).toContain(ids.pledgeJPN);

    expect(await read(`/needs/${ids.khmClearance}/matches?${coalition}`, 'coordinator')).toMatchObject({
      status: 422,
      body: { code: 'NOT_MEMBER' },
    });
    expect(await read(`/needs/${ids.laoClearance}/matches?${coalition}`, 'KHM')).toMatchObject({ status: 403 });
    expect(await read(`/pledges/${ids.pledgeJPN}/matches?${coalition}`, 'coordinator')).toMatchObject({
      status: 422,
    });
    const forDeu = await read(`/pledges/${ids.pledgeDEU}/matches?${coalition}`, 'DEU');
    expect((forDeu.body.items as { needId: string }[]).map((c) => c.needId)).not.toContain(ids.khmClearance);
    expect((forDeu.body.items as unknown[]).length).toBeGreaterThan(0);

    const plan = await read(`/matching/plan?${coalition}`, 'coordinator');
    expect(plan.status).toBe(200);
    const planned = plan.body.allocations as { needId: string; pledgeId: string }[];
    expect(planned.length).toBeGreaterThan(0);
    for (const allocation of planned) {
      expect([ids.laoClearance, ids.laoVictims]).toContain(allocation.needId);
      // The partners' pledges only (NOR's second is open and untargeted; its third is for KHM, not LAO).
      expect([ids.pledgeNOR, ids.pledgeDEU, ids.pledgeNOROpen]).toContain(allocation.pledgeId);
    }
    expect(plan.body).toMatchObject({ coalition: ids.coalition, filters: { recipientId: 'LAO' } });
    expect(await read(`/matching/plan?${coalition}&recipientId=KHM`, 'coordinator')).toMatchObject({ status: 400 });
    expect(await read(`/matching/plan?coalition=bad%20id`, 'coordinator')).toMatchObject({ status: 400 });
  });

  it('a partner that leaves no longer sees the coalition; the lead hands over; dissolving keeps the history', async () => {
    const coalition = `/coalitions/${ids.coalition}`;
    const handed = await ok('POST', `${coalition}/lead`, 'NOR', { participantId: 'DEU' });
    expect(handed.body.version).toBe(5);
    const left = await ok('POST', `${coalition}/members/NOR/leave`, 'NOR', {});
    expect(await read(coalition, 'NOR', left.body.consistencyToken as string)).toMatchObject({ status: 403 });
    const view = await read(coalition, 'DEU');
    expect(view.body).toMatchObject({ leadPartnerId: 'DEU', memberIds: ['LAO', 'DEU'] });
    const dissolved = await ok('POST', `${coalition}/dissolve`, 'LAO', { reason: 'plan completed' });
    expect(dissolved.body.status).toBe('dissolved');
    expect(await send('POST', `${coalition}/members`, 'LAO', { participantId: 'JPN' })).toMatchObject({
      status: 422,
      body: { code: 'COALITION_DISSOLVED' },
    });
    expect((await read(coalition, 'LAO', dissolved.body.consistencyToken as string)).body).toMatchObject({
      status: 'dissolved',
      version: 7,
    });
  });

  it('the coalition read model rebuilt from the topic equals the live one', async () => {
    const kafka = testKafka();
    const result = await rebuildProjectionSet(db, kafka, 'coalitions', {
      topicPrefix,
      switchOver: false,
      timeoutMs: 120_000,
    });
    expect(result.events).toBeGreaterThanOrEqual(7);
    const rebuilt = await dumpGeneration(db, 'coalitions', result.generation);
    expect(rebuilt).toContain(ids.coalition);
    expect(rebuilt).toEqual(await dumpLive(db, 'coalitions'));
  });
});
