import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

const schema = join(__dirname, '..', '..', '..', 'shared', 'iati', 'iati-activities-schema.xsd');

function xmllint(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iati-e2e-'));
  try {
    writeFileSync(join(dir, 'activities.xml'), xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', schema, join(dir, 'activities.xml')], {
      encoding: 'utf8',
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Expected USD figures by hand, each amount at the published annual average of its own effective date's year
 * (libs/domain/src/fx/published-rates.json; 2023 from the Fed H.10 series, 2024 and 2025 from the ECB):
 *   EUR 2023 → 1.081411982: pledge 500.10 → 540.81, commitment 300.10 → 324.53
 *   EUR 2024 → 1.082101347: deliveries 100.20 → 108.43 and 0.10 → 0.11
 *   EUR 2025 → 1.127771402: delivery 0.20 → 0.23; coverage (at the posting year 2026, no complete year yet, so 2025)
 *   JPY 2024 → 0.006603666443: pledge 1,000,000 → 6,603.67
 */
describe('reports and the IATI export over a seeded record (api, relay and projector processes)', () => {
  const stack = useActorStack('reports', { env: { CONSISTENCY_WAIT_MS: '15000' } });
  const { processes, ok: send, get, json } = stack;

  beforeAll(async () => {
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
  });

  const total = (count: number, byUnit: Record<string, string>, usd: string) => ({ count, byUnit, usd, withoutUsd: 0 });

  it('totals support in USD at each effective date, keeping the original currencies', async () => {
    expect((await json('/reports/support')).items).toEqual([
      {
        pledged: total(3, { EUR: '500.10', JPY: '1000000', USD: '0.30' }, '7144.78'),
        committed: total(1, { EUR: '300.10' }, '324.53'),
        delivered: total(3, { EUR: '100.50' }, '108.77'),
      },
    ]);
    const byYear = (await json('/reports/support?groupBy=year,donor')).items as Record<string, unknown>[];
    expect(
      byYear.map((r) => [
        r.year,
        r.donor,
        ...['pledged', 'committed', 'delivered'].map((k) => (r[k] as { usd: string }).usd),
      ]),
    ).toEqual([
      [2023, 'NOR', '540.81', '324.53', '0.00'],
      [2024, 'NOR', '6603.67', '0.00', '108.54'],
      [2024, 'USA', '0.30', '0.00', '0.00'],
      [2025, 'NOR', '0.00', '0.00', '0.23'],
    ]);
    const in2024 = (await json('/reports/support?from=2024-01-01&to=2024-12-31')).items as Record<
      string,
      { usd: string }
    >[];
    expect(in2024[0].delivered.usd).toBe('108.54');
  });

  it('answers 400 for an unknown dimension and 403 to a donor', async () => {
    const bad = await get('/reports/support?groupBy=donor,colour');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0].field).toBe('groupBy');
    expect((await get('/reports/support', 'NOR')).status).toBe(403);
  });

  it('shows coverage per recipient and pillar with unmet needs and shares', async () => {
    expect((await json('/reports/coverage')).items).toEqual([
      {
        recipientId: 'LAO',
        pillar: 'clearance',
        needs: 1,
        byUnit: {
          EUR: {
            requested: '1000.00',
            allocated: '300.10',
            delivered: '100.50',
            unmet: '699.90',
            shareAllocated: '0.3001',
            shareDelivered: '0.1005',
          },
        },
        usd: {
          requested: '1127.77',
          allocated: '338.44',
          delivered: '113.34',
          unmet: '789.33',
          shareAllocated: '0.3001',
          shareDelivered: '0.1005',
        },
      },
    ]);
  });

  it('shows what former users gave the States where they used cluster munitions (Art. 4(4))', async () => {
    const items = (await json('/reports/former-users')).items as Record<string, unknown>[];
    expect(items).toEqual([
      expect.objectContaining({
        donorId: 'USA',
        recipientId: 'LAO',
        recipientName: 'Lao PDR',
        pledged: total(1, { USD: '0.30' }, '0.30'),
        committed: total(0, {}, '0.00'),
      }),
    ]);
  });

  it('gives a State its Article 7 figures for a year, as JSON and CSV, and only its own', async () => {
    const laos = await json('/reports/article7/LAO?year=2024', 'LAO');
    expect(
      (laos.rows as Record<string, unknown>[]).map((r) => [
        r.direction,
        r.kind,
        r.date,
        r.counterpartName,
        r.amount,
        r.unit,
        r.usd,
      ]),
    ).toEqual([
      ['received', 'delivered', '2024-01-15', 'Norway', '100.20', 'EUR', '108.43'],
      ['received', 'delivered', '2024-02-01', 'Norway', '0.10', 'EUR', '0.11'],
    ]);
    const csv = await get('/reports/article7/NOR?year=2023&format=csv', 'NOR');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="article7-NOR-2023.csv"');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 11).join(','))).toEqual([
      'provided,pledged,2023-06-01,,,financial,clearance,,500.10,EUR,540.81',
      'provided,committed,2023-07-01,LAO,Lao PDR,financial,clearance,,300.10,EUR,324.53',
    ]);
    expect((await get('/reports/article7/NOR?year=2023', 'LAO')).status).toBe(403);
    expect((await get('/reports/article7/NOR', 'NOR')).status).toBe(400);
  });

  it('exports the donor’s IATI activities, valid against the official 2.03 schema', async () => {
    const response = await get('/exports/iati/NOR', 'NOR');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    const validation = xmllint(xml);
    expect(validation).toEqual({ ok: true, output: expect.stringContaining('validates') });
    const codes = [...xml.matchAll(/<transaction-type code="(\d+)"/g)].map((m) => m[1]).sort();
    expect(codes).toEqual(['12', '12', '2', '3', '3', '3']);
    expect(xml).toContain('<value currency="EUR" value-date="2024-01-15">100.20</value>');
    expect(xml).toContain('code="15250"');
    expect((await get('/exports/iati/NOR', 'USA')).status).toBe(403);
    expect((await get('/exports/iati/NOR', 'analyst')).status).toBe(200);
  });
});
