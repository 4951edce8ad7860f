import type { ReportPledge } from './report-input';
import { revaluationReport } from './revaluation-report';

const money = (amount: string, unit: string) => ({ amount, unit });
const pledge = (fields: Partial<ReportPledge> & Pick<ReportPledge, 'id' | 'donorId' | 'quantity'>): ReportPledge => ({
  assistanceType: 'financial',
  pillars: ['clearance'],
  allocated: money('0.00', fields.quantity.unit),
  submittedAt: '2026-01-05T10:00:00Z',
  status: 'open',
  ...fields,
});

/**
 * Hand-computed from the committed table (units per USD, rate = 1 / that, 10 significant digits, half-even cents):
 *   NOK 2009 annual 6.29078254  → 0.1589627353   8,000,000.00 → 1,271,701.88
 *   NOK 2015 annual 8.068148606 → 0.1239441722     400,000.00 →    49,577.67
 *   NOK latest, ECB 30 Oct 2026: 1.1172 USD/EUR ÷ 10.312 NOK/EUR → 0.1083397983
 *                                 8,000,000.00 → 866,718.39;  400,000.00 → 43,335.92
 *   NOR/NOK: 1,321,279.55 at pledge rates, 910,054.31 at the latest, difference −411,225.24
 */
describe('revaluationReport', () => {
  const pledges: ReportPledge[] = [
    pledge({ id: 'p1', donorId: 'NOR', quantity: money('10000000.00', 'NOK'), pledgedOn: '2009-06-15', delivered: money('2000000.00', 'NOK') }),
    pledge({ id: 'p2', donorId: 'NOR', quantity: money('1000000.00', 'NOK'), pledgedOn: '2015-03-01', status: 'withdrawn', allocated: money('400000.00', 'NOK') }),
    pledge({ id: 'p3', donorId: 'USA', quantity: money('500000.00', 'USD'), pledgedOn: '2012-01-01' }),
    pledge({ id: 'p4', donorId: 'DEU', quantity: money('100.00', 'EUR'), status: 'fulfilled', delivered: money('100.00', 'EUR') }),
    pledge({ id: 'p5', donorId: 'JPN', quantity: money('40.00', 'items') }),
    pledge({ id: 'p6', donorId: 'ARE', quantity: money('1000.00', 'AED'), pledgedOn: '2020-01-01' }),
  ]; // prettier-ignore

  const rows = revaluationReport(pledges);

  it('values what is pledged and not delivered at the pledge-date rate and at the latest rate, per donor and currency', () => {
    const norway = rows.find((row) => row.donorId === 'NOR');
    expect(norway).toMatchObject({
      currency: 'NOK',
      outstanding: '8400000.00',
      usdAtPledgeRate: '1321279.55',
      usdAtLatestRate: '910054.31',
      difference: '-411225.24',
    });
    expect(norway?.pledges[0]).toEqual({
      pledgeId: 'p1',
      pledgedOn: '2009-06-15',
      outstanding: '8000000.00',
      atPledgeRate: {
        rate: '0.1589627353',
        rateDate: '2009',
        source: 'US Federal Reserve Board, H.10 daily noon buying rates in New York',
        usd: '1271701.88',
      },
      atLatestRate: {
        rate: '0.1083397983',
        rateDate: '2026-10-30',
        source: 'European Central Bank euro foreign exchange reference rates',
        usd: '866718.39',
      },
    });
    expect(norway?.pledges[1]).toMatchObject({ outstanding: '400000.00', atPledgeRate: { usd: '49577.67' } });
  });

  it('leaves dollars unchanged, skips fulfilled pledges and goods, and lists what it cannot value', () => {
    expect(rows.map((row) => [row.donorId, row.currency])).toEqual([
      ['ARE', 'AED'],
      ['NOR', 'NOK'],
      ['USA', 'USD'],
    ]);
    expect(rows.find((row) => row.donorId === 'USA')).toMatchObject({
      usdAtPledgeRate: '500000.00',
      difference: '0.00',
    });
    const dirham = rows.find((row) => row.donorId === 'ARE');
    expect(dirham?.pledges).toEqual([]);
    expect(dirham?.notValued).toEqual([{ pledgeId: 'p6', reason: expect.stringMatching(/for AED: neither/) }]);
  });
});
