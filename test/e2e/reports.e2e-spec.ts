import { useActorStack } from '../support/actor-stack';
import { validateIati } from '../support/iati-schema';
import { seedReportedRecord } from './reports.fixtures';

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
  const { get, json } = stack;

  beforeAll(() => seedReportedRecord(stack));

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
    const validation = validateIati(xml);
    expect(validation).toEqual({ ok: true, output: expect.stringContaining('validates') });
    const codes = [...xml.matchAll(/<transaction-type code="(\d+)"/g)].map((m) => m[1]).sort();
    expect(codes).toEqual(['12', '12', '2', '3', '3', '3']);
    expect(xml).toContain('<value currency="EUR" value-date="2024-01-15">100.20</value>');
    expect(xml).toContain('code="15250"');
    expect((await get('/exports/iati/NOR', 'USA')).status).toBe(403);
    expect((await get('/exports/iati/NOR', 'analyst')).status).toBe(200);
  });
});
