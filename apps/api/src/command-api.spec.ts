import { CommandApi, startCommandApi } from './testing/command-api';
import { actorTokens, need, pledge } from './command-api.fixtures';

describe('command handlers over HTTP (in-memory store)', () => {
  let api: CommandApi;
  let lao: string, vnm: string, nor: string, deu: string, coordinator: string, admin: string, analyst: string;

  beforeAll(async () => {
    api = await startCommandApi();
    ({ lao, vnm, nor, deu, coordinator, admin, analyst } = await actorTokens());
  });
  afterAll(() => api.close());

  async function postNeedAndPledge(needAmount = 100, pledgeAmount = 100) {
    const posted = await api.send('POST', '/needs', { as: lao, body: need('LAO', needAmount) });
    const submitted = await api.send('POST', '/pledges', { as: nor, body: pledge('NOR', pledgeAmount) });
    return { needId: posted.body.id as string, pledgeId: submitted.body.id as string };
  }

  it('posts a need: 201 with id, version, status and a consistency token; the actor is in the metadata', async () => {
    const response = await api.send('POST', '/needs', { as: lao, body: need(), headers: { 'x-request-id': 'req-1' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: expect.any(String), version: 1, status: 'open' });
    expect(typeof response.body.consistencyToken).toBe('string');
    const [event] = api.store.eventsOf(`need-${response.body.id}`);
    expect(event.type).toBe('NeedPosted');
    expect(event.metadata).toMatchObject({
      actor: { sub: 'affected_state-lao', role: 'affected_state', participantId: 'LAO' },
      correlationId: 'req-1',
    });
    expect(event.metadata.causationId).toBe(event.metadata.commandId);
  });

  it('refuses a need for another State with 403 FORBIDDEN_PARTICIPANT and writes nothing', async () => {
    const before = api.store.eventCount;
    const response = await api.send('POST', '/needs', { as: vnm, body: need('LAO') });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN_PARTICIPANT');
    expect(api.store.eventCount).toBe(before);
  });

  it.each([
    ['donor', () => nor],
    ['admin', () => admin],
    ['analyst', () => analyst],
  ])('refuses POST /needs to a %s with 403 FORBIDDEN', async (_role, token) => {
    const response = await api.send('POST', '/needs', { as: token(), body: need() });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('runs need → pledge → allocation → accept → two deliveries → confirm to a fulfilled need', async () => {
    const { needId, pledgeId } = await postNeedAndPledge();
    const allocated = await api.send('POST', '/allocations', { as: nor, body: { pledgeId, needId, amount: 100 } });
    expect(allocated).toMatchObject({ status: 201, body: { status: 'proposed', version: 2 } });
    const allocationId = allocated.body.id as string;
    expect((await api.send('POST', `/allocations/${allocationId}/accept`, { as: lao, body: {} })).body.status).toBe(
      'accepted',
    );
    for (const amount of [40, 60]) {
      const delivered = await api.send('POST', `/allocations/${allocationId}/deliveries`, {
        as: nor,
        body: { amount, deliveredOn: '2025-06-01' },
      });
      expect(delivered.status).toBe(201);
      const confirmed = await api.send(
        'POST',
        `/allocations/${allocationId}/deliveries/${delivered.body.id as string}/confirm`,
        { as: lao, body: { receivedOn: '2025-06-02' } },
      );
      expect(confirmed.status).toBe(200);
    }
    const needEvents = api.store.eventsOf(`need-${needId}`).map((event) => event.type);
    expect(needEvents).toEqual([
      'NeedPosted',
      'NeedCapacityReserved',
      'NeedDeliveryConfirmed',
      'NeedDeliveryConfirmed',
    ]);
    expect(api.store.eventsOf(`need-${needId}`).at(-1)!.data).toMatchObject({ status: 'fulfilled' });
    expect(api.store.eventsOf(`pledge-${pledgeId}`).at(-1)!.data).toMatchObject({ status: 'fulfilled' });
    expect(api.intents.intents.size).toBe(0);
  });

  it('allocates concurrently without ever exceeding the pledge: 40 × 10 on 100 → 10 proposed, 30 OVER_ALLOCATION', async () => {
    const { needId, pledgeId } = await postNeedAndPledge(1_000, 100);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        api.send('POST', '/allocations', { as: coordinator, body: { pledgeId, needId, amount: 10 } }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused).toHaveLength(30);
    expect(new Set(refused.map((answer) => `${answer.status} ${answer.body.code as string}`))).toEqual(
      new Set(['422 OVER_ALLOCATION']),
    );
    const reserved = api.store.eventsOf(`pledge-${pledgeId}`).filter((e) => e.type === 'PledgeCapacityReserved');
    expect(reserved).toHaveLength(10);
    const needReserved = api.store.eventsOf(`need-${needId}`).filter((e) => e.type === 'NeedCapacityReserved');
    expect(needReserved).toHaveLength(10);
  });

  it('answers 422 INCOMPATIBLE for a pledge that does not fit the need, writing no allocation', async () => {
    const { needId } = await postNeedAndPledge();
    const money = await api.send('POST', '/pledges', {
      as: nor,
      body: {
        donorId: 'NOR',
        assistanceType: 'financial',
        pillars: ['clearance'],
        quantity: { amount: 5, unit: 'EUR' },
      },
    });
    const response = await api.send('POST', '/allocations', {
      as: nor,
      body: { pledgeId: money.body.id, needId, amount: 5 },
    });
    expect(response).toMatchObject({ status: 422, body: { code: 'INCOMPATIBLE' } });
    expect(api.intents.intents.size).toBe(0);
  });

  it("refuses another donor's pledge with 403 and an unknown pledge with 404", async () => {
    const { needId, pledgeId } = await postNeedAndPledge();
    const other = await api.send('POST', '/allocations', { as: deu, body: { pledgeId, needId, amount: 5 } });
    expect(other).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_PARTICIPANT' } });
    const missing = await api.send('POST', '/allocations', {
      as: nor,
      body: { pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f', needId, amount: 5 },
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('releases both reservations when an allocation is declined, and when its need is withdrawn', async () => {
    const { needId, pledgeId } = await postNeedAndPledge();
    const first = await api.send('POST', '/allocations', { as: nor, body: { pledgeId, needId, amount: 30 } });
    const declined = await api.send('POST', `/allocations/${first.body.id as string}/decline`, {
      as: lao,
      body: { reason: 'not suitable' },
    });
    expect(declined.body.status).toBe('declined');
    const second = await api.send('POST', '/allocations', { as: nor, body: { pledgeId, needId, amount: 50 } });
    const withdrawn = await api.send('POST', `/needs/${needId}/withdraw`, { as: lao, body: { reason: 'funded' } });
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
    const allocationEvents = api.store.eventsOf(`allocation-${second.body.id as string}`).map((e) => e.type);
    expect(allocationEvents.at(-1)).toBe('AllocationCancelled');
    const released = api.store.eventsOf(`pledge-${pledgeId}`).filter((e) => e.type === 'PledgeCapacityReleased');
    expect(released.map((e) => (e.data as { released: { amount: string } }).released.amount)).toEqual([
      '30.00',
      '50.00',
    ]);
    expect(api.store.eventsOf(`pledge-${pledgeId}`).at(-1)!.data).toMatchObject({ status: 'open' });
  });

  it('honours If-Match on PATCH: 200 on the current version, 412 PRECONDITION_FAILED on another', async () => {
    const { needId } = await postNeedAndPledge();
    const stale = await api.send('PATCH', `/needs/${needId}`, {
      as: lao,
      body: { priority: 'low' },
      headers: { 'if-match': '7' },
    });
    expect(stale).toMatchObject({ status: 412, body: { code: 'PRECONDITION_FAILED' } });
    const fresh = await api.send('PATCH', `/needs/${needId}`, {
      as: lao,
      body: { priority: 'low' },
      headers: { 'if-match': '1' },
    });
    expect(fresh).toMatchObject({ status: 200, body: { version: 2, status: 'open' } });
  });

  it('replays the first answer for the same Idempotency-Key and body, writing once; refuses another body', async () => {
    const headers = { 'idempotency-key': 'pledge-2026-001' };
    const first = await api.send('POST', '/pledges', { as: nor, body: pledge(), headers });
    const count = api.store.eventCount;
    const again = await api.send('POST', '/pledges', { as: nor, body: pledge(), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(api.store.eventCount).toBe(count);
    const other = await api.send('POST', '/pledges', { as: nor, body: pledge('NOR', 7), headers });
    expect(other).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('replays a refused request as refused (422 stays 422)', async () => {
    const { needId, pledgeId } = await postNeedAndPledge();
    const headers = { 'idempotency-key': 'too-much' };
    const body = { pledgeId, needId, amount: 500 };
    const first = await api.send('POST', '/allocations', { as: nor, body, headers });
    const again = await api.send('POST', '/allocations', { as: nor, body, headers });
    expect(first).toMatchObject({ status: 422, body: { code: 'OVER_ALLOCATION' } });
    expect(again.status).toBe(422);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body).toEqual(first.body);
  });
});
