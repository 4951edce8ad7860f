import { AllocationRecovery } from '@cm/application';
import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';

describe('allocation recovery', () => {
  let api: CommandApi;
  let lao: string, nor: string;
  beforeAll(async () => {
    api = await startCommandApi();
    [lao, nor] = await Promise.all([tokenFor('affected_state', 'LAO'), tokenFor('donor', 'NOR')]);
  });
  afterAll(() => api.close());

  async function needAndPledge() {
    const quantity = { amount: 100, unit: 'items' };
    const terms = { assistanceType: 'material', category: 'metal_detectors' };
    const need = await api.send('POST', '/needs', {
      as: lao,
      body: { ...terms, requesterId: 'LAO', pillar: 'clearance', title: 'Detectors', quantity, priority: 'high' },
    });
    const pledge = await api.send('POST', '/pledges', {
      as: nor,
      body: { ...terms, donorId: 'NOR', pillars: ['clearance'], quantity },
    });
    return { needId: need.body.id as string, pledgeId: pledge.body.id as string };
  }

  it('completes an allocation whose request crashed after reserving the pledge', async () => {
    const { needId, pledgeId } = await needAndPledge();
    api.store.beforeAppend = (streamId) => {
      if (streamId.startsWith('need-')) throw new Error('process killed');
    };
    const crashed = await api.send('POST', '/allocations', { as: nor, body: { pledgeId, needId, amount: 30 } });
    api.store.beforeAppend = undefined;
    expect(crashed.status).toBe(500);
    expect(api.intents.intents.size).toBe(1);
    const [allocationId] = api.intents.intents.keys();
    const recovery = api.app.get(AllocationRecovery);
    expect(await recovery.sweep(new Date())).toBe(0); // too recent: its request may still be running
    expect(await recovery.sweep(new Date(Date.now() + 5 * 60_000))).toBe(1);
    expect(api.store.eventsOf(`allocation-${allocationId}`).map((event) => event.type)).toEqual([
      'AllocationRequested',
      'AllocationProposed',
    ]);
    expect(api.store.eventsOf(`need-${needId}`).at(-1)!.type).toBe('NeedCapacityReserved');
    expect(api.intents.intents.size).toBe(0);
  });

  it('compensates when the missing reservation no longer fits: rejects and releases the pledge', async () => {
    const { needId, pledgeId } = await needAndPledge();
    api.store.beforeAppend = (streamId) => {
      if (streamId.startsWith('need-')) throw new Error('process killed');
    };
    await api.send('POST', '/allocations', { as: nor, body: { pledgeId, needId, amount: 30 } });
    api.store.beforeAppend = undefined;
    const [allocationId] = api.intents.intents.keys();
    // Meanwhile the need was filled by another allocation.
    const other = await api.send('POST', '/pledges', {
      as: nor,
      body: {
        donorId: 'NOR',
        assistanceType: 'material',
        category: 'metal_detectors',
        pillars: ['clearance'],
        quantity: { amount: 100, unit: 'items' },
      },
    });
    const filled = await api.send('POST', '/allocations', {
      as: nor,
      body: { pledgeId: other.body.id, needId, amount: 100 },
    });
    expect(filled.status).toBe(201);
    await api.app.get(AllocationRecovery).sweep(new Date(Date.now() + 5 * 60_000));
    const allocationEvents = api.store.eventsOf(`allocation-${allocationId}`);
    expect(allocationEvents.at(-1)).toMatchObject({ type: 'AllocationRejected', data: { code: 'OVER_ALLOCATION' } });
    expect(api.store.eventsOf(`pledge-${pledgeId}`).at(-1)).toMatchObject({
      type: 'PledgeCapacityReleased',
      data: { status: 'open' },
    });
  });
});
