import { article7Csv, article7Report } from './article7-report';
import { coverageReport, type CoverageCell } from './coverage-report';
import { allocations, participants, pledges } from './fixtures';
import { formerUsersReport } from './former-users-report';
import { supportReport } from './support-report';

/**
 * Expected USD figures are computed by hand from the published table (annual averages in units per USD), each amount
 * converted on its own effective date with the rate rounded to 10 significant digits and the result half-even to the
 * cent (2023 from the Fed H.10 series; 2024 and 2025 from the ECB, the Fed's 2024 series ending in November):
 *   EUR 2023 0.9247169594 → 1.081411982   P1 1,000,000.10 → 1,081,412.09   A1 0.10 → 0.11
 *   EUR 2024 0.924127858  → 1.082101347   A2 0.20 → 0.22   d1 0.10 → 0.11
 *   JPY 2024 151.4310283  → 0.006603666443  P2 5,000,000 → 33,018.33  A3 1,000,000 → 6,603.67  d3 600,000 → 3,962.20
 *   JPY 2025 149.6554081  → 0.006682017127  d4 400,000 → 2,672.81 (at 2024's rate it would be 2,641.47)
 */
const total = (count: number, byUnit: Record<string, string>, usd: string, withoutUsd = 0) => ({
  count,
  byUnit,
  usd,
  withoutUsd,
});
const none = total(0, {}, '0.00');
const input = { pledges, allocations };

describe('supportReport', () => {
  it('totals everything exactly: 0.10 + 0.20 EUR is 0.30, each amount in USD at its own date', () => {
    expect(supportReport(input, { groupBy: [] })).toEqual([
      {
        pledged: total(4, { EUR: '1000000.10', JPY: '5000000', USD: '0.20', items: '40.00' }, '1114430.62', 1),
        committed: total(4, { EUR: '0.30', JPY: '1000000', USD: '0.10' }, '6604.10'),
        delivered: total(4, { EUR: '0.10', JPY: '1000000', USD: '0.10' }, '6635.22'),
      },
    ]);
  });

  it('puts each amount in the year of its effective date, not of its recording or commitment', () => {
    expect(supportReport(input, { groupBy: ['year'] })).toEqual([
      {
        year: 2022,
        pledged: total(1, { USD: '0.20' }, '0.20'),
        committed: total(1, { USD: '0.10' }, '0.10'),
        delivered: total(1, { USD: '0.10' }, '0.10'),
      },
      {
        year: 2023,
        pledged: total(1, { EUR: '1000000.10' }, '1081412.09'),
        committed: total(1, { EUR: '0.10' }, '0.11'),
        delivered: none,
      },
      {
        year: 2024,
        pledged: total(2, { JPY: '5000000', items: '40.00' }, '33018.33', 1),
        committed: total(2, { EUR: '0.20', JPY: '1000000' }, '6603.89'),
        delivered: total(2, { EUR: '0.10', JPY: '600000' }, '3962.31'),
      },
      { year: 2025, pledged: none, committed: none, delivered: total(1, { JPY: '400000' }, '2672.81') },
    ]);
  });

  it('groups by donor and recipient, an untargeted pledge under a null recipient, last', () => {
    const rows = supportReport(input, { groupBy: ['donor', 'recipient'] });
    expect(
      rows.map((row) => [row.donor, row.recipient, row.pledged.usd, row.committed.usd, row.delivered.usd]),
    ).toEqual([
      ['DEU', null, '0.00', '0.00', '0.00'],
      ['NOR', 'LAO', '1081412.09', '0.33', '0.11'],
      ['NOR', 'VNM', '0.00', '6603.67', '6635.01'],
      ['NOR', null, '33018.33', '0.00', '0.00'],
      ['USA', 'LAO', '0.20', '0.10', '0.10'],
    ]);
    expect(rows[0].pledged).toEqual(total(1, { items: '40.00' }, '0.00', 1));
    const byRecipientFirst = supportReport(input, { groupBy: ['recipient', 'donor'] });
    expect(byRecipientFirst.map((row) => [row.recipient, row.donor])).toEqual([
      ['LAO', 'NOR'],
      ['LAO', 'USA'],
      ['VNM', 'NOR'],
      [null, 'DEU'],
      [null, 'NOR'],
    ]);
  });

  it('keeps a multi-pillar pledge unsplit under a null pillar', () => {
    const rows = supportReport(input, { groupBy: ['pillar', 'assistanceType'] });
    expect(rows.map((row) => [row.pillar, row.assistanceType, row.pledged.count, row.committed.count])).toEqual([
      ['clearance', 'financial', 2, 3],
      ['clearance', 'material', 1, 0],
      ['victim_assistance', 'financial', 0, 1],
      [null, 'financial', 1, 0],
    ]);
  });

  it('filters by effective date, inclusive', () => {
    expect(supportReport(input, { groupBy: [], from: '2024-01-01', to: '2024-12-31' })).toEqual([
      {
        pledged: total(2, { JPY: '5000000', items: '40.00' }, '33018.33', 1),
        committed: total(2, { EUR: '0.20', JPY: '1000000' }, '6603.89'),
        delivered: total(2, { EUR: '0.10', JPY: '600000' }, '3962.31'),
      },
    ]);
  });
});

describe('article7Report', () => {
  const all = { ...input, participants };

  it('lists what a donor provided in a calendar year: pledges, commitments, confirmed deliveries', () => {
    const report = article7Report(all, 'NOR', 2024);
    expect(
      report.rows.map((r) => [r.direction, r.kind, r.date, r.counterpartName, r.amount, r.unit, r.usd, r.usdRate]),
    ).toEqual([
      ['provided', 'delivered', '2024-01-15', 'Lao PDR', '0.10', 'EUR', '0.11', '1.082101347'],
      ['provided', 'committed', '2024-03-01', 'Lao PDR', '0.20', 'EUR', '0.22', '1.082101347'],
      ['provided', 'committed', '2024-06-01', 'Viet Nam', '1000000', 'JPY', '6603.67', '0.006603666443'],
      ['provided', 'delivered', '2024-07-01', 'Viet Nam', '600000', 'JPY', '3962.20', '0.006603666443'],
      ['provided', 'pledged', '2024-12-31', null, '5000000', 'JPY', '33018.33', '0.006603666443'],
    ]);
    expect(report.totals.provided.committed).toEqual(total(2, { EUR: '0.20', JPY: '1000000' }, '6603.89'));
    expect(report.totals.received.delivered).toEqual(none);
  });

  it('lists what a recipient received, without pledges made to it', () => {
    const report = article7Report(all, 'LAO', 2022);
    expect(report.rows.map((r) => [r.direction, r.kind, r.counterpartId, r.amount, r.usd])).toEqual([
      ['received', 'committed', 'USA', '0.10', '0.10'],
      ['received', 'delivered', 'USA', '0.10', '0.10'],
    ]);
  });

  it('flags a disputed delivery on both sides and counts it in no total', () => {
    const a5 = input.allocations.find((allocation) => allocation.id === 'A5')!;
    const disputed = {
      ...a5,
      deliveries: {
        ...a5.deliveries,
        d9: { id: 'd9', amount: { amount: '0.05', unit: 'USD' }, deliveredOn: '2022-05-01', status: 'disputed' },
      },
    };
    const allocations = input.allocations.map((allocation) => (allocation.id === 'A5' ? disputed : allocation));
    const received = article7Report({ ...all, allocations }, 'LAO', 2022);
    expect(received.rows.map((r) => [r.direction, r.kind, r.reference, r.amount, r.disputed])).toEqual([
      ['received', 'committed', 'A5', '0.10', false],
      ['received', 'delivered', 'd5', '0.10', false],
      ['received', 'delivered', 'd9', '0.05', true],
    ]);
    expect(received.totals.received.delivered).toEqual(total(1, { USD: '0.10' }, '0.10'));
    const provided = article7Report({ ...all, allocations }, 'USA', 2022);
    expect(provided.rows.filter((r) => r.disputed).map((r) => [r.direction, r.reference])).toEqual([
      ['provided', 'd9'],
    ]);
    expect(provided.totals.provided.delivered).toEqual(total(1, { USD: '0.10' }, '0.10'));
    expect(article7Csv(received).split('\r\n')[3]).toMatch(/,d9,true$/);
  });

  it('writes CSV ready to paste, quoting what needs it', () => {
    const csv = article7Csv(
      article7Report({ ...all, participants: [{ id: 'USA', name: 'United States, "USA"' }] }, 'LAO', 2022),
    );
    expect(csv.split('\r\n')).toEqual([
      'direction,kind,date,counterpartId,counterpartName,assistanceType,pillar,category,amount,unit,usd,usdRate,rateYear,reference,disputed',
      'received,committed,2022-03-10,USA,"United States, ""USA""",financial,clearance,,0.10,USD,0.10,1,2022,A5,false',
      'received,delivered,2022-04-01,USA,"United States, ""USA""",financial,clearance,,0.10,USD,0.10,1,2022,d5,false',
      '',
    ]);
  });
});

describe('formerUsersReport', () => {
  it('pairs each former user with every State where it used cluster munitions, zero rows included', () => {
    const rows = formerUsersReport({ ...input, participants });
    expect(rows.map((r) => [r.donorId, r.recipientName, r.pledged.usd, r.committed.usd, r.delivered.usd])).toEqual([
      ['USA', 'Lao PDR', '0.20', '0.10', '0.10'],
      ['USA', 'Viet Nam', '0.00', '0.00', '0.00'],
    ]);
  });
});

describe('coverageReport', () => {
  const cell = (fields: Partial<CoverageCell>): CoverageCell => ({
    recipientId: 'LAO',
    pillar: 'clearance',
    assistanceType: 'financial',
    needs: 1,
    requested: {},
    allocated: {},
    delivered: {},
    usd: { requested: '0.00', allocated: '0.00', delivered: '0.00' },
    ...fields,
  });

  it('adds assistance types per recipient × pillar, with unmet needs and shares', () => {
    const rows = coverageReport([
      cell({
        needs: 2,
        requested: { EUR: '0.30' },
        allocated: { EUR: '0.10' },
        delivered: { EUR: '0.00' },
        usd: { requested: '0.33', allocated: '0.11', delivered: '0.00' },
      }),
      cell({
        assistanceType: 'material',
        requested: { items: '40.00' },
        allocated: { items: '10.00' },
        delivered: { items: '0.00' },
      }),
      cell({
        recipientId: 'VNM',
        pillar: 'victim_assistance',
        requested: { JPY: '3000000' },
        allocated: { JPY: '1000000' },
        delivered: { JPY: '1000000' },
        usd: { requested: '19808.52', allocated: '6602.84', delivered: '6602.84' },
      }),
    ]);
    expect(rows).toEqual([
      {
        recipientId: 'LAO',
        pillar: 'clearance',
        needs: 3,
        byUnit: {
          EUR: {
            requested: '0.30',
            allocated: '0.10',
            delivered: '0.00',
            unmet: '0.20',
            shareAllocated: '0.3333',
            shareDelivered: '0.0000',
          },
          items: {
            requested: '40.00',
            allocated: '10.00',
            delivered: '0.00',
            unmet: '30.00',
            shareAllocated: '0.2500',
            shareDelivered: '0.0000',
          },
        },
        usd: {
          requested: '0.33',
          allocated: '0.11',
          delivered: '0.00',
          unmet: '0.22',
          shareAllocated: '0.3333',
          shareDelivered: '0.0000',
        },
      },
      {
        recipientId: 'VNM',
        pillar: 'victim_assistance',
        needs: 1,
        byUnit: {
          JPY: {
            requested: '3000000',
            allocated: '1000000',
            delivered: '1000000',
            unmet: '2000000',
            shareAllocated: '0.3333',
            shareDelivered: '0.3333',
          },
        },
        usd: {
          requested: '19808.52',
          allocated: '6602.84',
          delivered: '6602.84',
          unmet: '13205.68',
          shareAllocated: '0.3333',
          shareDelivered: '0.3333',
        },
      },
    ]);
  });

  it('has no share of nothing requested', () => {
    expect(coverageReport([cell({})])[0].usd).toMatchObject({ shareAllocated: null, unmet: '0.00' });
  });
});
