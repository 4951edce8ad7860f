import type { ActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

/**
 * Posts the need, pledge and allocation of the reconciliation spec, reports its six deliveries and answers them as
 * the spec's table says; resolves with their ids and the token of the last answer.
 */
export async function seedAnsweredDeliveries({ processes, ok: send, get }: ActorStack) {
  const ids: Record<string, string> = {};
  const delivery = (id: string) => `/allocations/${allocationId}/deliveries/${ids[id]}`;
  const need = await send('POST', '/needs', 'LAO', {
    requesterId: 'LAO',
    pillar: 'clearance',
    assistanceType: 'financial',
    title: 'Clearance of Xieng Khouang',
    quantity: { amount: 1000, unit: 'EUR' },
    priority: 'high',
  });
  const needId = need.body.id as string;
  const pledge = await send('POST', '/pledges', 'NOR', {
    donorId: 'NOR',
    assistanceType: 'financial',
    pillars: ['clearance'],
    quantity: { amount: 1000, unit: 'EUR' },
    pledgedOn: '2024-01-10',
  });
  await waitFor(
    async () => ((await get(`/pledges/${pledge.body.id as string}`)).status === 200 ? true : undefined),
    'the pledge to be projected',
    60_000,
    () => processes.map((p) => p.output()).join('\n'),
  );
  const allocation = await send('POST', '/allocations', 'NOR', {
    pledgeId: pledge.body.id,
    needId,
    amount: 1000,
    committedOn: '2024-02-01',
  });
  const allocationId = allocation.body.id as string;
  await send('POST', `/allocations/${allocationId}/accept`, 'LAO', {});
  for (const [id, amount, deliveredOn] of [
    ['d1', 300, '2024-03-01'],
    ['d2', 200, '2024-04-01'],
    ['d3', 100, '2024-05-01'],
    ['d4', 250, '2024-06-01'],
    ['d5', 100, '2024-07-01'],
  ] as const) {
    ids[id] = (await send('POST', `/allocations/${allocationId}/deliveries`, 'NOR', { amount, deliveredOn })).body
      .id as string;
  }
  await send('POST', `${delivery('d1')}/confirm`, 'LAO', {});
  for (const id of ['d2', 'd3', 'd4', 'd5']) {
    await send('POST', `${delivery(id)}/dispute`, 'LAO', { reason: `${id} did not arrive as reported` });
  }
  await send('POST', `${delivery('d2')}/correct`, 'NOR', { amount: 150, reason: '50 stayed at the depot' });
  await send('POST', `${delivery('d2')}/confirm`, 'LAO', {});
  await send('POST', `${delivery('d3')}/withdraw`, 'NOR', { reason: 'recorded twice' });
  // With d3 withdrawn and d5 disputed, 50 more fit: d6 is reported and left unanswered.
  ids.d6 = (
    await send('POST', `/allocations/${allocationId}/deliveries`, 'NOR', { amount: 50, deliveredOn: '2024-08-01' })
  ).body.id as string;
  const lastToken = (await send('POST', `${delivery('d4')}/withdraw-dispute`, 'LAO', { reason: 'found at customs' }))
    .body.consistencyToken as string;
  return { ids, needId, allocationId, lastToken };
}
