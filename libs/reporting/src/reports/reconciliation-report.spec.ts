import type { ReportAllocation, ReportDelivery } from './report-input';
import { reconciliationReport } from './reconciliation-report';

const money = (amount: string, unit: string) => ({ amount, unit });
const delivery = (id: string, amount: string, unit: string, deliveredOn: string, status: string, disputedAt?: string) =>
  [id, { id, amount: money(amount, unit), deliveredOn, status, ...(disputedAt && { disputedAt }) }] as const;
const allocation = (
  id: string,
  donorId: string,
  amount: string,
  unit: string,
  deliveries: (readonly [string, ReportDelivery])[],
): ReportAllocation => ({
  id,
  pledgeId: `p-${id}`,
  needId: `n-${id}`,
  donorId,
  recipientId: 'LAO',
  assistanceType: 'financial',
  pillar: 'clearance',
  amount: money(amount, unit),
  confirmed: money('0', unit),
  committedOn: '2024-01-15',
  requestedAt: '2024-01-15T10:00:00Z',
  status: 'partially_delivered',
  deliveries: Object.fromEntries(deliveries),
});

// Norway reports five deliveries of EUR to Lao PDR: one confirmed, one disputed since 1 July, one unanswered, one
// withdrawn, and one disputed in 2025 (a dispute recorded before its date was kept). Germany's one is confirmed.
// EUR 2024 annual average (ECB): 1.082101347 USD, so 1000 → 1082.10, 500 → 541.05, 250 → 270.53, 300 → 324.63.
const allocations = [
  allocation('A1', 'NOR', '5000.00', 'EUR', [
    delivery('d1', '1000.00', 'EUR', '2024-05-01', 'confirmed'),
    delivery('d2', '500.00', 'EUR', '2024-06-01', 'disputed', '2024-07-01T10:00:00Z'),
    delivery('d3', '250.00', 'EUR', '2024-08-01', 'recorded'),
    delivery('d4', '300.00', 'EUR', '2024-09-01', 'withdrawn'),
    delivery('d5', '200.00', 'EUR', '2025-01-10', 'disputed'),
  ]),
  allocation('A2', 'DEU', '100.00', 'USD', [delivery('d6', '100.00', 'USD', '2024-03-01', 'confirmed')]),
];
const total = (count: number, eur: string, usd: string) => ({ count, byUnit: { EUR: eur }, usd, withoutUsd: 0 });
const none = { count: 0, byUnit: {}, usd: '0.00', withoutUsd: 0 };

describe('reconciliation report', () => {
  const { rows, rates } = reconciliationReport(allocations, { asOf: '2024-12-31' });

  it('has one row per donor × recipient × year of the delivery date, sorted', () => {
    expect(rows.map((row) => [row.donorId, row.recipientId, row.year])).toEqual([
      ['DEU', 'LAO', 2024],
      ['NOR', 'LAO', 2024],
      ['NOR', 'LAO', 2025],
    ]);
  });

  it('splits what was reported into confirmed, disputed and awaiting; withdrawn counts apart', () => {
    const row = rows[1]!;
    expect(row.reported).toEqual(total(3, '1750.00', '1893.68'));
    expect(row.confirmed).toEqual(total(1, '1000.00', '1082.10'));
    expect(row.disputed).toEqual(total(1, '500.00', '541.05'));
    expect(row.awaitingConfirmation).toEqual(total(1, '250.00', '270.53'));
    expect(row.unresolved).toEqual(total(2, '750.00', '811.58'));
    expect(row.withdrawn).toEqual(total(1, '300.00', '324.63'));
    expect(rows[0]!.confirmed).toEqual({ count: 1, byUnit: { USD: '100.00' }, usd: '100.00', withoutUsd: 0 });
    expect(rows[0]!.disputed).toEqual(none);
  });

  it('ages the oldest open dispute and the oldest unanswered delivery in days to asOf', () => {
    expect(rows[1]).toMatchObject({ oldestOpenDisputeDays: 183, oldestAwaitingConfirmationDays: 152 });
    expect(rows[1]!.openDisputes).toEqual([
      {
        allocationId: 'A1',
        deliveryId: 'd2',
        deliveredOn: '2024-06-01',
        amount: '500.00',
        unit: 'EUR',
        usd: '541.05',
        disputedOn: '2024-07-01',
        ageDays: 183,
      },
    ]);
    expect(rows[0]).toMatchObject({ oldestOpenDisputeDays: null, oldestAwaitingConfirmationDays: null });
    // A dispute without its date is listed, but gives no age.
    expect(rows[2]).toMatchObject({ oldestOpenDisputeDays: null, openDisputes: [{ deliveryId: 'd5', ageDays: null }] });
  });

  it('names every rate it used, with its date and source', () => {
    expect(rates).toEqual(
      expect.arrayContaining([
        {
          unit: 'EUR',
          rate: '1.082101347',
          rateDate: '2024',
          source: 'European Central Bank euro foreign exchange reference rates',
          lastYearFallback: false,
        },
      ]),
    );
  });

  it('filters by donor, recipient, year and delivery dates', () => {
    const of = (query: object) =>
      reconciliationReport(allocations, { asOf: '2024-12-31', ...query }).rows.map((r) => `${r.donorId}${r.year}`);
    expect(of({ donorId: 'NOR' })).toEqual(['NOR2024', 'NOR2025']);
    expect(of({ recipientId: 'VNM' })).toEqual([]);
    expect(of({ year: 2025 })).toEqual(['NOR2025']);
    expect(of({ from: '2024-04-01', to: '2024-12-31' })).toEqual(['NOR2024']);
  });
});
