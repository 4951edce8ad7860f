import { decodeConsistencyToken } from '@cm/application';
import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';

describe('delivery disputes over HTTP (in-memory store)', () => {
  let api: CommandApi;
  let lao: string, nor: string, deu: string;

  beforeAll(async () => {
    api = await startCommandApi();
    [lao, nor, deu] = await Promise.all([
      tokenFor('affected_state', 'LAO'),
      tokenFor('donor', 'NOR'),
      tokenFor('donor', 'DEU'),
    ]);
  });
  afterAll(() => api.close());

  /** An accepted allocation of 100 items with one delivery of 60, disputed by the recipient. */
  async function disputedDelivery() {
    const need = await api.send('POST', '/needs', {
      as: lao,
      body: {
        requesterId: 'LAO',
        pillar: 'clearance',
        assistanceType: 'material',
        category: 'metal_detectors',
        title: 'Metal detectors',
        quantity: { amount: 100, unit: 'items' },
        priority: 'high',
      },
    });
    const pledge = await api.send('POST', '/pledges', {
      as: nor,
      body: {
        donorId: 'NOR',
        assistanceType: 'material',
        pillars: ['clearance'],
        category: 'metal_detectors',
        quantity: { amount: 100, unit: 'items' },
      },
    });
    const needId = need.body.id as string;
    const pledgeId = pledge.body.id as string;
    const allocated = await api.send('POST', '/allocations', { as: nor, body: { pledgeId, needId, amount: 100 } });
    const allocationId = allocated.body.id as string;
    await api.send('POST', `/allocations/${allocationId}/accept`, { as: lao, body: {} });
    const delivered = await api.send('POST', `/allocations/${allocationId}/deliveries`, {
      as: nor,
      body: { amount: 60, deliveredOn: '2025-06-01' },
    });
    const deliveryId = delivered.body.id as string;
    const path = `/allocations/${allocationId}/deliveries/${deliveryId}`;
    expect((await api.send('POST', `${path}/dispute`, { as: lao, body: { reason: 'only 50 arrived' } })).status).toBe(
      200,
    );
    return { needId, pledgeId, allocationId, deliveryId, path };
  }

  const typesOf = (streamId: string) => api.store.eventsOf(streamId).map((event) => event.type);

  it('corrects a disputed delivery: 200, recorded again, the new figures in the event', async () => {
    const { allocationId, path } = await disputedDelivery();
    const answer = await api.send('POST', `${path}/correct`, {
      as: nor,
      body: { amount: 50, reason: 'ten detectors stayed in the depot' },
    });
    expect(answer).toMatchObject({ status: 200, body: { status: 'recorded', allocationId } });
    expect(api.store.eventsOf(`allocation-${allocationId}`).at(-1)).toMatchObject({
      type: 'DeliveryCorrected',
      data: { amount: { amount: '50.00', unit: 'items' }, previous: { amount: { amount: '60.00', unit: 'items' } } },
    });
    const again = await api.send('POST', `${path}/correct`, { as: nor, body: { amount: 40, reason: 'again' } });
    expect(again).toMatchObject({ status: 422, body: { code: 'INVALID_TRANSITION' } });
  });

  it('refuses a correction by the recipient, by another donor, with nothing to change, or without a reason', async () => {
    const { path } = await disputedDelivery();
    const asLao = await api.send('POST', `${path}/correct`, { as: lao, body: { amount: 50, reason: 'x' } });
    expect(asLao.status).toBe(403);
    const asDeu = await api.send('POST', `${path}/correct`, { as: deu, body: { amount: 50, reason: 'x' } });
    expect(asDeu).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_PARTICIPANT' } });
    const nothing = await api.send('POST', `${path}/correct`, { as: nor, body: { reason: 'x' } });
    expect(nothing).toMatchObject({ status: 400, body: { code: 'INVALID_FIELD' } });
    const noReason = await api.send('POST', `${path}/correct`, { as: nor, body: { amount: 50 } });
    expect(noReason.status).toBe(400);
    expect(noReason.contentType).toContain('application/problem+json');
    expect(noReason.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
  });

  it('withdraws a disputed delivery: no need or pledge event, and it cannot be confirmed afterwards', async () => {
    const { needId, pledgeId, allocationId, path } = await disputedDelivery();
    const before = [typesOf(`need-${needId}`), typesOf(`pledge-${pledgeId}`)];
    const answer = await api.send('POST', `${path}/withdraw`, { as: nor, body: { reason: 'recorded twice' } });
    expect(answer).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
    expect(typesOf(`allocation-${allocationId}`).at(-1)).toBe('DeliveryWithdrawn');
    expect([typesOf(`need-${needId}`), typesOf(`pledge-${pledgeId}`)]).toEqual(before);
    const confirm = await api.send('POST', `${path}/confirm`, { as: lao, body: {} });
    expect(confirm).toMatchObject({ status: 422, body: { code: 'INVALID_TRANSITION' } });
  });

  it('withdraws a dispute: the delivery is confirmed, the need and pledge totals follow, the token covers all three', async () => {
    const { needId, pledgeId, allocationId, path } = await disputedDelivery();
    const answer = await api.send('POST', `${path}/withdraw-dispute`, {
      as: lao,
      body: { reason: 'found at customs', receivedOn: '2025-06-10' },
    });
    expect(answer).toMatchObject({ status: 200, body: { status: 'partially_delivered' } });
    expect(typesOf(`allocation-${allocationId}`).slice(-2)).toEqual(['DeliveryDisputeWithdrawn', 'DeliveryConfirmed']);
    expect(api.store.eventsOf(`need-${needId}`).at(-1)).toMatchObject({
      type: 'NeedDeliveryConfirmed',
      data: { amount: { amount: '60.00', unit: 'items' } },
    });
    expect(typesOf(`pledge-${pledgeId}`).at(-1)).toBe('PledgeDeliveryConfirmed');
    const decoded = decodeConsistencyToken(answer.body.consistencyToken as string);
    const streams = decoded && 'positions' in decoded ? decoded.positions.map((p) => p.streamId) : [];
    expect(streams).toEqual(
      expect.arrayContaining([`allocation-${allocationId}`, `need-${needId}`, `pledge-${pledgeId}`]),
    );
    const asDonor = await api.send('POST', `${path}/withdraw-dispute`, { as: nor, body: {} });
    expect(asDonor.status).toBe(403);
  });

  it('replays a withdrawal with the same Idempotency-Key, writing nothing new', async () => {
    const { allocationId, path } = await disputedDelivery();
    const headers = { 'idempotency-key': `withdraw-${allocationId}` };
    const body = { reason: 'recorded twice' };
    const first = await api.send('POST', `${path}/withdraw`, { as: nor, body, headers });
    const count = api.store.eventCount;
    const second = await api.send('POST', `${path}/withdraw`, { as: nor, body, headers });
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(api.store.eventCount).toBe(count);
  });
});
