import { v7 as uuidv7 } from 'uuid';
import { liveAlias } from '@cm/read-models';
import { useActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';
import { replayTopicsFromStart, seedNeeds } from '../support/projection-replay';
import { dumpAll } from '../support/projection-scenarios';

const material = { assistanceType: 'material', category: 'metal_detectors' };

describe('queries over the projected read models (api, relay and projector processes)', () => {
  const stack = useActorStack('projections', { env: { CONSISTENCY_WAIT_MS: '15000' } });
  const { topicPrefix, db, store, send } = stack;
  const read = (path: string, consistentWith?: string, as = 'analyst') => stack.read(path, as, consistentWith);

  /** The command succeeded, and the query asked with its token shows the change at once. */
  async function readAfter(command: { status: number; body: Record<string, unknown> }, path: string) {
    expect(command.status).toBeLessThan(300);
    const answer = await read(path, command.body.consistencyToken as string);
    expect({ status: answer.status, consistency: answer.consistency }).toEqual({
      status: 200,
      consistency: 'consistent',
    });
    return answer.body;
  }

  it('every command of the flow is visible to the matching query asked with its consistency token', async () => {
    const registered = await send('POST', '/participants', 'admin', {
      id: 'NOR',
      name: 'Norway',
      kind: 'state',
      treatyStatus: 'state_party',
    });
    expect(await readAfter(registered, '/participants/NOR')).toMatchObject({ id: 'NOR', name: 'Norway', version: 1 });

    const posted = await send('POST', '/needs', 'LAO', {
      ...material,
      requesterId: 'LAO',
      pillar: 'clearance',
      title: 'Metal detectors',
      quantity: { amount: 100, unit: 'items' },
      priority: 'high',
    });
    const needId = posted.body.id as string;
    expect(await readAfter(posted, `/needs/${needId}`)).toMatchObject({
      id: needId,
      version: 1,
      status: 'open',
      quantity: { amount: 100, unit: 'items' },
      allocated: { amount: 0, unit: 'items' },
      delivered: { amount: 0, unit: 'items' },
      remaining: { amount: 100, unit: 'items' },
    });
    const listed = await read(`/needs?requesterId=LAO&status=open`, posted.body.consistencyToken as string);
    expect((listed.body.items as { id: string }[]).map((need) => need.id)).toEqual([needId]);

    const submitted = await send('POST', '/pledges', 'NOR', {
      ...material,
      donorId: 'NOR',
      pillars: ['clearance'],
      quantity: { amount: 100, unit: 'items' },
    });
    const pledgeId = submitted.body.id as string;
    expect(await readAfter(submitted, `/pledges/${pledgeId}`)).toMatchObject({
      status: 'open',
      remaining: { amount: 100, unit: 'items' },
    });

    const requested = await send('POST', '/allocations', 'NOR', { pledgeId, needId, amount: 100 });
    const allocationId = requested.body.id as string;
    expect(await readAfter(requested, `/allocations/${allocationId}`)).toMatchObject({
      status: 'proposed',
      pledgeId,
      needId,
      amount: { amount: 100, unit: 'items' },
    });
    const accepted = await send('POST', `/allocations/${allocationId}/accept`, 'LAO', {});
    expect(await readAfter(accepted, `/allocations/${allocationId}`)).toMatchObject({ status: 'accepted' });

    for (const [amount, status] of [
      [30, 'partially_delivered'],
      [70, 'completed'],
    ] as const) {
      const recorded = await send('POST', `/allocations/${allocationId}/deliveries`, 'NOR', {
        amount,
        deliveredOn: '2025-05-01',
      });
      const deliveryId = recorded.body.id as string;
      const afterRecord = await readAfter(recorded, `/allocations/${allocationId}`);
      expect(afterRecord.deliveries).toContainEqual(expect.objectContaining({ id: deliveryId, status: 'recorded' }));
      const confirmed = await send('POST', `/allocations/${allocationId}/deliveries/${deliveryId}/confirm`, 'LAO', {});
      const afterConfirm = await readAfter(confirmed, `/allocations/${allocationId}`);
      expect(afterConfirm).toMatchObject({ status });
      expect(afterConfirm.deliveries).toContainEqual(expect.objectContaining({ id: deliveryId, status: 'confirmed' }));
    }
    // The need's and pledge's own streams were written by the saga; their projections follow (no token names them).
    const fulfilled = await waitFor(async () => {
      const need = await read(`/needs/${needId}`);
      return need.body.status === 'fulfilled' ? need.body : undefined;
    }, 'the need to show fulfilled');
    expect(fulfilled).toMatchObject({
      allocated: { amount: 100, unit: 'items' },
      delivered: { amount: 100, unit: 'items' },
      remaining: { amount: 0, unit: 'items' },
    });
    const allocations = await read(`/allocations?needId=${needId}&status=completed`);
    expect((allocations.body.items as { id: string }[]).map((a) => a.id)).toEqual([allocationId]);
  });

  it('answers problem+json: 400 naming the bad parameter, 404 for an unknown id, stale when it cannot catch up', async () => {
    for (const [path, field] of [
      ['/needs?limit=0', 'limit'],
      ['/needs?limit=501', 'limit'],
      ['/needs?pillar=roads', 'pillar'],
      ['/pledges?colour=red', 'colour'],
      ['/allocations?cursor=nonsense', 'cursor'],
    ]) {
      const answer = await read(path);
      expect({ path, status: answer.status, type: answer.contentType }).toEqual({
        path,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(answer.body.errors).toContainEqual(expect.objectContaining({ field }));
    }
    const missing = await read(`/needs/${uuidv7()}`);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await read('/needs/x', 'not-a-token!')).body.errors).toContainEqual(
      expect.objectContaining({ field: 'X-Consistent-With' }),
    );
    expect((await fetch(`${stack.base}/needs`)).status).toBe(401);

    const future = Buffer.from(`need:need-${uuidv7()}:1`).toString('base64url');
    const started = Date.now();
    const stale = await read('/needs', future);
    expect({ status: stale.status, consistency: stale.consistency }).toEqual({ status: 200, consistency: 'stale' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
  });

  it('walking all pages of 1,000 needs returns each exactly once, in a stable order', async () => {
    const ids = Array.from({ length: 1_000 }, () => uuidv7());
    await seedNeeds(store, 'KHM', ids);
    await waitFor(
      async () => {
        const live = db.collection(`rm_needs_${(await liveAlias(db, 'needs')).generation}`);
        return (await live.countDocuments({ requesterId: 'KHM' })) >= 1_000 ? true : undefined;
      },
      'the projector to show all 1,000 needs',
      120_000,
    );
    const walk = async (limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await read(`/needs?requesterId=KHM&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...(page.body.items as { id: string }[]).map((need) => need.id));
        cursor = page.body.next as string | null;
      } while (cursor);
      return seen;
    };
    const first = await walk(97);
    expect(first).toHaveLength(1_000);
    expect(new Set(first).size).toBe(1_000);
    expect(first).toEqual([...ids].sort());
    expect(await walk(500)).toEqual(first);
  });

  it('replaying the topics from offset 0 over the existing read models changes nothing', async () => {
    await waitFor(async () => {
      const a = await dumpAll(db);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return a === (await dumpAll(db)) ? true : undefined;
    }, 'the live projections to settle');
    const before = await dumpAll(db);
    const ends = await replayTopicsFromStart(db, topicPrefix);
    expect(ends.get('needs')).toBeGreaterThan(1_000);
    expect(await dumpAll(db)).toEqual(before);
  });
});
