import { v7 as uuidv7 } from 'uuid';
import { useActorStack } from '../support/actor-stack';
import { Candidate, matchingClientOf, reason, Seeded, seedMatchingRecord } from './matching.fixtures';

describe('matching offers to needs (api, relay and projector processes)', () => {
  const stack = useActorStack('matching', { env: { CONSISTENCY_WAIT_MS: '30000' } });
  const { send } = stack;
  const needs: Seeded = {};
  const pledges: Seeded = {};

  const { eventually } = matchingClientOf(send);

  it('seeds participants (one former user), needs and pledges through the api', async () => {
    await seedMatchingRecord(send, needs, pledges);
  });

  it('ranks the pledges for a need with every reason, the Art. 4(4) link, and no pledge targeted elsewhere', async () => {
    const body = await eventually(
      `/needs/${needs.laoCritical.id}/matches`,
      // Also waits for the participants' projection: the Art. 4(4) link comes from the former user's registration.
      (b) => (b.items as Candidate[]).some((c) => reason(c, 'former_user_link')?.value === 1),
      'LAO',
    );
    const items = body.items as Candidate[];
    expect(items.map((c) => c.pledgeId)).toEqual([pledges.usa.id]);
    const [usa] = items;
    expect(usa.reasons.map((r) => r.component)).toEqual([
      'priority',
      'coverable_share',
      'urgency',
      'targeted',
      'former_user_link',
      'prior_deliveries',
    ]);
    expect(reason(usa, 'former_user_link')).toMatchObject({ value: 1, detail: expect.stringContaining('USA') });
    expect(reason(usa, 'coverable_share')).toMatchObject({ value: 1 });
    expect(usa.amount).toEqual({ amount: 100000, unit: 'USD' });
    expect(body.need).toMatchObject({ id: needs.laoCritical.id, remaining: { amount: 100000, unit: 'USD' } });

    const khm = await eventually(`/needs/${needs.khmHigh.id}/matches`, (b) => (b.items as Candidate[]).length === 2);
    const khmItems = khm.items as Candidate[];
    expect(khmItems.map((c) => c.pledgeId)).toEqual([pledges.norForKhm.id, pledges.usa.id]);
    expect(reason(khmItems[0], 'targeted')).toMatchObject({ value: 1 });
    expect(khmItems[0].score).toBeGreaterThan(khmItems[1].score);
  });

  it('ranks the needs for a pledge: a targeted pledge only for its recipient, the critical need first', async () => {
    const targeted = await eventually(
      `/pledges/${pledges.norForKhm.id}/matches`,
      (b) => (b.items as Candidate[]).length >= 1,
      'NOR',
    );
    expect((targeted.items as Candidate[]).map((c) => c.needId)).toEqual([needs.khmHigh.id]);

    const open = await eventually(
      `/pledges/${pledges.usa.id}/matches?limit=2`,
      (b) => (b.items as Candidate[]).length === 2,
    );
    const openItems = open.items as Candidate[];
    expect(openItems.map((c) => c.needId)).toEqual([needs.laoCritical.id, needs.khmHigh.id]);
    expect(openItems[0].score).toBeGreaterThanOrEqual(openItems[1].score);
  });

  it('answers 404 for unknown ids, 400 naming a bad parameter, 403 for a role that may not plan', async () => {
    const unknown = await send('GET', `/needs/${uuidv7()}/matches`, 'analyst');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(unknown.contentType).toContain('application/problem+json');
    expect(await send('GET', `/pledges/${uuidv7()}/matches`, 'analyst')).toMatchObject({ status: 404 });

    const badLimit = await send('GET', `/needs/${needs.laoCritical.id}/matches?limit=0`, 'analyst');
    expect(badLimit).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'limit' }] } });
    const badPillar = await send('GET', '/matching/plan?pillar=roads', 'analyst');
    expect(badPillar).toMatchObject({ status: 400, body: { errors: [{ field: 'pillar' }] } });
    const unknownParam = await send('GET', '/matching/plan?colour=red', 'analyst');
    expect(unknownParam).toMatchObject({ status: 400, body: { errors: [{ field: 'colour' }] } });

    expect(await send('GET', '/matching/plan', 'NOR')).toMatchObject({ status: 403 });
    expect(await send('POST', '/matching/plan/apply', 'analyst', {})).toMatchObject({ status: 403 });
    const badEntry = await send('POST', '/matching/plan/apply', 'coordinator', {
      allocations: [
        { needId: needs.laoCritical.id, pledgeId: pledges.usa.id, amountInPledgeUnit: { amount: -1, unit: 'USD' } },
      ],
    });
    expect(badEntry).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'allocations.0.amountInPledgeUnit.amount' }] },
    });
  });
});
