import fc from 'fast-check';
import { aContext, aNeed, aPledge } from '../testing/matchables';
import { compatible } from './compatible';
import { rankNeedsForPledge, rankPledgesForNeed } from './rank';

describe('ranking candidates', () => {
  const pledges = [
    aPledge({ id: 'p3' }),
    aPledge({ id: 'p1' }),
    aPledge({ id: 'p2' }),
    aPledge({ id: 'closed', status: 'withdrawn' }),
    aPledge({ id: 'elsewhere', recipientId: 'KHM' }),
    aPledge({ id: 'euro', remaining: { amount: '1000.00', unit: 'EUR' } }),
  ];

  it('returns only compatible pledges, breaks equal scores on id, and respects the limit', () => {
    expect(rankPledgesForNeed(aNeed(), pledges, aContext(), 10).map((c) => c.id)).toEqual(['p1', 'p2', 'p3', 'euro']);
    expect(rankPledgesForNeed(aNeed(), pledges, aContext(), 2).map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(rankPledgesForNeed(aNeed(), pledges, aContext(), 0)).toEqual([]);
  });

  it('gives the same answer whatever the input order', () => {
    const expected = rankPledgesForNeed(aNeed(), pledges, aContext(), 10);
    fc.assert(
      fc.property(fc.shuffledSubarray(pledges, { minLength: pledges.length }), (shuffled) => {
        expect(rankPledgesForNeed(aNeed(), shuffled, aContext(), 10)).toEqual(expected);
      }),
    );
  });

  it("states the amount that could be allocated in the pledge's unit, and its worth to the need", () => {
    const [euro] = rankPledgesForNeed(aNeed(), [pledges[5]], aContext(), 1);
    expect(euro).toMatchObject({
      amount: { amount: '1000.00', unit: 'EUR' },
      needAmount: { amount: '1082.10', unit: 'USD' },
      conversion: { rate: '1.082101347' },
    });
    const needs = [
      aNeed({ id: 'n1', remaining: { amount: '500.00', unit: 'USD' } }),
      aNeed({ id: 'n2', remaining: { amount: '90000.00', unit: 'NOK' } }),
    ];
    const ranked = rankNeedsForPledge(pledges[5], needs, aContext(), 5);
    expect(ranked.map((c) => [c.id, c.amount.unit, c.needAmount.unit])).toEqual([
      ['n1', 'EUR', 'USD'],
      ['n2', 'EUR', 'NOK'],
    ]);
    // One euro cent is 1.08 dollar cents: the largest euro amount whose worth, rounded to the cent, stays within 500.00.
    expect(ranked[0]).toMatchObject({ amount: { amount: '462.06' }, needAmount: { amount: '500.00' } });
    expect(ranked[1].amount.amount).toBe('1000.00');
  });

  it('finds exactly the compatible counterparts', () => {
    const side = fc.record({
      unit: fc.constantFrom('USD', 'EUR', 'PLN', 'items'),
      type: fc.constantFrom('financial' as const, 'material' as const),
      pillar: fc.constantFrom('clearance' as const, 'risk_education' as const),
      status: fc.constantFrom('open' as const, 'allocated' as const),
    });
    fc.assert(
      fc.property(fc.array(side, { maxLength: 12 }), side, (others, one) => {
        const need = aNeed({
          assistanceType: one.type,
          pillar: one.pillar,
          remaining: { amount: one.unit === 'items' ? '5.00' : '100.00', unit: one.unit },
        });
        const candidates = others.map((o, i) =>
          aPledge({
            id: `p${i}`,
            assistanceType: o.type,
            pillars: [o.pillar],
            status: o.status,
            remaining: { amount: '70.00', unit: o.unit },
          }),
        );
        const expected = candidates.filter((p) => compatible(need, p, aContext()).ok).map((p) => p.id);
        const found = rankPledgesForNeed(need, candidates, aContext(), 100).map((c) => c.id);
        expect([...found].sort()).toEqual([...expected].sort());
      }),
    );
  });
});
