import type { ActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

/**
 * Norway, Lao PDR and the United States (a former user in Lao PDR); a EUR need, pledges in EUR, JPY and USD, and one
 * allocation with three confirmed deliveries across 2024 and 2025; resolves once every report shows all of them.
 */
export async function seedReportedRecord({ processes, ok: send, get, json }: ActorStack) {
  for (const [id, name, used] of [
    ['NOR', 'Norway', []],
    ['LAO', 'Lao PDR', []],
    ['USA', 'United States', ['LAO']],
  ] as const) {
    await send('POST', '/participants', 'admin', { id, name, kind: 'state', usedClusterMunitionsIn: used });
  }
  const financial = { assistanceType: 'financial' };
  const need = await send('POST', '/needs', 'LAO', {
    ...financial,
    requesterId: 'LAO',
    pillar: 'clearance',
    title: 'Survey of Xieng Khouang',
    quantity: { amount: 1000, unit: 'EUR' },
    priority: 'high',
  });
  const eur = await send('POST', '/pledges', 'NOR', {
    ...financial,
    donorId: 'NOR',
    pillars: ['clearance'],
    quantity: { amount: 500.1, unit: 'EUR' },
    pledgedOn: '2023-06-01',
  });
  await send('POST', '/pledges', 'NOR', {
    ...financial,
    donorId: 'NOR',
    pillars: ['clearance'],
    quantity: { amount: 1000000, unit: 'JPY' },
    pledgedOn: '2024-05-01',
  });
  await send('POST', '/pledges', 'USA', {
    ...financial,
    donorId: 'USA',
    pillars: ['clearance'],
    recipientId: 'LAO',
    quantity: { amount: 0.3, unit: 'USD' },
    pledgedOn: '2024-02-01',
  });
  await waitFor(
    async () => ((await get(`/pledges/${eur.body.id as string}`)).status === 200 ? true : undefined),
    'the pledge to be projected',
    60_000,
    () => processes.map((p) => p.output()).join('\n'),
  );
  const allocation = await send('POST', '/allocations', 'NOR', {
    pledgeId: eur.body.id,
    needId: need.body.id,
    amount: 300.1,
    committedOn: '2023-07-01',
  });
  const allocationId = allocation.body.id as string;
  await send('POST', `/allocations/${allocationId}/accept`, 'LAO', {});
  for (const [amount, deliveredOn] of [
    [100.2, '2024-01-15'],
    [0.1, '2024-02-01'],
    [0.2, '2025-03-01'],
  ] as const) {
    const recorded = await send('POST', `/allocations/${allocationId}/deliveries`, 'NOR', { amount, deliveredOn });
    await send('POST', `/allocations/${allocationId}/deliveries/${recorded.body.id as string}/confirm`, 'LAO', {});
  }
  // The saga updates the need and the pledge after the allocation: wait until every figure has arrived.
  await waitFor(
    async () => {
      const support = await json('/reports/support');
      const coverage = await json('/reports/coverage');
      const [total] = support.items as { delivered: { count: number } }[];
      const [cell] = coverage.items as { usd: { delivered: string } }[];
      return total?.delivered.count === 3 && cell?.usd.delivered === '113.34' ? true : undefined;
    },
    'the reports to include every write',
    60_000,
  );
}
