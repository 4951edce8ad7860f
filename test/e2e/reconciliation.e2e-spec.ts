import { dumpGeneration, dumpLive, rebuildProjectionSet, type ProjectionSetName } from '@cm/read-models';
import { useActorStack } from '../support/actor-stack';
import { validateIati } from '../support/iati-schema';
import { seedAnsweredDeliveries } from './reconciliation.fixtures';
import { waitFor } from '../support/processes';
import { testKafka } from '../support/servers';
const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);
const total = (count: number, eur: string, usd: string) => ({ count, byUnit: { EUR: eur }, usd, withoutUsd: 0 });

/**
 * Norway allocates EUR 1,000 to a Lao PDR need (2024) and reports six deliveries; Lao PDR answers each differently:
 *   d1 300 confirmed · d2 200 disputed, corrected to 150, confirmed · d3 100 disputed, withdrawn by Norway ·
 *   d4 250 disputed, dispute withdrawn (confirms it) · d5 100 disputed, left open · d6 50 not answered.
 * USD at the EUR 2024 annual average 1.082101347, each delivery converted alone: 300 → 324.63, 150 → 162.32,
 * 250 → 270.53, 100 → 108.21, 50 → 54.11.
 */
describe('delivery reconciliation on the real stack (api, relay, projector; Kafka, FerretDB)', () => {
  const stack = useActorStack('reconciliation', {
    env: { CONSISTENCY_WAIT_MS: '15000' },
    participants: ['NOR', 'DEU', 'LAO', 'VNM'],
  });
  const { topicPrefix, db, client, tokens, get, json } = stack;
  const ids: Record<string, string> = {};
  let allocationId = '';
  let needId = '';
  let lastToken = '';
  const asOf = new Date(Date.now() + 10 * dayMs).toISOString().slice(0, 10);

  const delivery = (id: string) => `/allocations/${allocationId}/deliveries/${ids[id]}`;

  beforeAll(async () => {
    const seeded = await seedAnsweredDeliveries(stack);
    ({ needId, allocationId, lastToken } = seeded);
    Object.assign(ids, seeded.ids);
  });

  it('reads its own writes: the allocation and the need reflect every answer at once with the token', async () => {
    const allocation = await json(`/allocations/${allocationId}`, 'analyst', lastToken);
    const byId = new Map((allocation.deliveries as { id: string }[]).map((d) => [d.id, d]));
    const statuses = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, byId.get(id)]));
    expect(statuses).toMatchObject({
      d1: { status: 'confirmed' },
      d2: { status: 'confirmed', amount: { amount: 150, unit: 'EUR' }, corrections: 1 },
      d3: { status: 'withdrawn' },
      d4: { status: 'confirmed' },
      d5: { status: 'disputed' },
      d6: { status: 'recorded' },
    });
    expect(allocation.confirmed).toEqual({ amount: 700, unit: 'EUR' });
    const need = await json(`/needs/${needId}`, 'analyst', lastToken);
    expect(need.delivered).toEqual({ amount: 700, unit: 'EUR' });
  });

  it('refuses to answer a dispute twice or out of turn, with problem+json', async () => {
    const again = await client.send('POST', `${delivery('d3')}/correct`, {
      token: tokens.NOR,
      body: { amount: 90, reason: 'again' },
    });
    expect(again).toMatchObject({ status: 422, body: { code: 'INVALID_TRANSITION' } });
    expect(again.contentType).toContain('application/problem+json');
    const byDonor = await client.send('POST', `${delivery('d5')}/withdraw-dispute`, { token: tokens.NOR, body: {} });
    expect(byDonor.status).toBe(403);
    const byOtherDonor = await client.send('POST', `${delivery('d5')}/withdraw`, {
      token: tokens.DEU,
      body: { reason: 'not ours' },
    });
    expect(byOtherDonor).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_PARTICIPANT' } });
  });

  it('reconciles reported against confirmed per donor × recipient × year, in USD, with ages', async () => {
    const report = await json(`/reports/reconciliation?asOf=${asOf}`, 'analyst', lastToken);
    expect(report).toMatchObject({ asOf, basis: 'annual', donorId: null, recipientId: null });
    const [row, ...others] = report.items as Record<string, unknown>[];
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      donorId: 'NOR',
      recipientId: 'LAO',
      year: 2024,
      reported: total(5, '850.00', '919.80'),
      confirmed: total(3, '700.00', '757.48'),
      disputed: total(1, '100.00', '108.21'),
      awaitingConfirmation: total(1, '50.00', '54.11'),
      unresolved: total(2, '150.00', '162.32'),
      withdrawn: total(1, '100.00', '108.21'),
    });
    const [open] = row.openDisputes as { deliveryId: string; disputedOn: string; ageDays: number }[];
    expect(open.deliveryId).toBe(ids.d5);
    expect(open.ageDays).toBe(daysBetween(open.disputedOn, asOf));
    expect(open.ageDays).toBeGreaterThanOrEqual(10);
    expect(row.oldestOpenDisputeDays).toBe(open.ageDays);
    expect(row.oldestAwaitingConfirmationDays).toBe(daysBetween('2024-08-01', asOf));
    expect(report.rates).toEqual([
      expect.objectContaining({ unit: 'EUR', rate: '1.082101347', rateDate: '2024', source: expect.any(String) }),
    ]);
  });

  it('shows a donor and a State only their own rows', async () => {
    const rowsOf = async (path: string, as: string) =>
      ((await json(path, as)).items as { donorId: string; recipientId: string }[]).map(
        (row) => `${row.donorId}→${row.recipientId}`,
      );
    expect(await rowsOf('/reports/reconciliation', 'NOR')).toEqual(['NOR→LAO']);
    expect(await rowsOf('/reports/reconciliation', 'LAO')).toEqual(['NOR→LAO']);
    expect(await rowsOf('/reports/reconciliation', 'DEU')).toEqual([]);
    expect(await rowsOf('/reports/reconciliation', 'VNM')).toEqual([]);
    expect((await get('/reports/reconciliation?donorId=NOR', 'DEU')).status).toBe(403);
    expect((await get('/reports/reconciliation?recipientId=LAO', 'VNM')).status).toBe(403);
    const bad = await get('/reports/reconciliation?asOf=2024-02-30&colour=red');
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['asOf', 'colour']);
  });

  it('counts only confirmed deliveries as IATI disbursements and names the disputed one; the XML stays valid', async () => {
    const response = await get('/exports/iati/NOR', 'NOR');
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(validateIati(xml).ok).toBe(true);
    const disbursements = [...xml.matchAll(/<transaction ref="([^"]+)">\s*<transaction-type code="3"\/>/g)];
    expect(disbursements.map(([, ref]) => ref).sort()).toEqual([ids.d1, ids.d2, ids.d4].sort());
    expect(xml).toMatch(
      new RegExp(
        `<description type="4">\\s*<narrative>[^<]*disputed[^<]*${ids.d5} \\(100\\.00 EUR, delivered 2024-07-01\\)`,
      ),
    );
  });

  it('flags the disputed delivery in the Article 7 output and leaves it out of the totals', async () => {
    const report = await json('/reports/article7/LAO?year=2024', 'LAO');
    const deliveries = (report.rows as { kind: string; reference: string; disputed: boolean }[]).filter(
      (row) => row.kind === 'delivered',
    );
    expect(deliveries.filter((row) => row.disputed).map((row) => row.reference)).toEqual([ids.d5]);
    expect(deliveries.filter((row) => !row.disputed)).toHaveLength(3);
    const totals = report.totals as { received: { delivered: { byUnit: Record<string, string> } } };
    expect(totals.received.delivered.byUnit).toEqual({ EUR: '700.00' });
    const csv = await (await get('/reports/article7/LAO?year=2024&format=csv', 'LAO')).text();
    expect(csv.split('\r\n')[0]).toMatch(/,disputed$/);
    expect(csv).toMatch(new RegExp(`,${ids.d5},true\\r\\n`));
  });

  it('rebuilds the allocation, need and pledge read models from the log to the same documents', async () => {
    const sets: ProjectionSetName[] = ['allocations', 'needs', 'pledges'];
    await waitFor(async () => {
      const a = (await Promise.all(sets.map((set) => dumpLive(db, set)))).join('\n');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return a === (await Promise.all(sets.map((set) => dumpLive(db, set)))).join('\n') ? true : undefined;
    }, 'the live projections to settle');
    const kafka = testKafka();
    for (const set of sets) {
      const rebuilt = await rebuildProjectionSet(db, kafka, set, {
        topicPrefix,
        switchOver: false,
        timeoutMs: 120_000,
      });
      expect(await dumpGeneration(db, set, rebuilt.generation)).toEqual(await dumpLive(db, set));
    }
  });
});
