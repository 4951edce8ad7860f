import { publishedRates } from '@cm/domain';
import { allocations } from './fixtures';
import { allocationFlows } from './flows';

const a3 = allocations.find((allocation) => allocation.id === 'A3')!;
// A3 commits JPY 1,000,000 to a need counted in USD on 2024-06-01.
const recordedWith = (rate: string, table?: string) => ({
  ...a3,
  needAmount: { amount: '6602.84', unit: 'USD' },
  exchangeRate: {
    rate,
    rateDate: '2024',
    rateYear: 2024,
    requestedYear: 2024,
    lastYearFallback: false,
    source: 'US Federal Reserve Board, G.5A (hand-typed table)',
    ...(table && { table, basis: 'annual' as const }),
  },
});

describe('allocation flows and the rate they were recorded with', () => {
  it('keeps the recorded conversion and states what the table in force would give instead', () => {
    const [committed] = allocationFlows(recordedWith('0.006602839221'));
    expect(committed.rateRevision).toEqual({
      needAmount: { amount: '6602.84', unit: 'USD' },
      recorded: {
        rate: '0.006602839221',
        rateDate: '2024',
        source: 'US Federal Reserve Board, G.5A (hand-typed table)',
        table: null,
      },
      current: {
        rate: '0.006603666443',
        rateDate: '2024',
        source: 'European Central Bank euro foreign exchange reference rates',
        table: publishedRates.version,
        needAmount: { amount: '6603.67', unit: 'USD' },
      },
    });
  });

  it('says nothing when the table in force gives the recorded rate', () => {
    const [committed] = allocationFlows(recordedWith('0.006603666443', publishedRates.version));
    expect(committed.rateRevision).toBeUndefined();
  });

  it('names rate, date and source of each USD figure, on the daily basis when asked', () => {
    const [, delivered] = allocationFlows(a3, 'daily');
    expect(delivered.usd).toMatchObject({ basis: 'daily', rateDate: '2024-07-01', source: /Federal Reserve/ });
  });
});
