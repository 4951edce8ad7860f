import fc from 'fast-check';
import { compatible } from '../candidates/compatible';
import { aContext, aNeed, aPledge, materialNeed, materialPledge } from '../testing/matchables';
import { buildPlanInput } from './plan-input';

describe('buildPlanInput', () => {
  it('plans money in US cents at the reference rate of now and goods in their own unit, one group per value unit', () => {
    const groups = buildPlanInput(
      [
        aNeed({ id: 'dollars' }),
        aNeed({ id: 'euros', remaining: { amount: '1000.00', unit: 'EUR' }, priority: 'critical' }),
        aNeed({ id: 'closed', status: 'withdrawn' }),
        materialNeed({ id: 'detectors' }),
      ],
      [
        aPledge({ id: 'kroner', remaining: { amount: '5000.00', unit: 'NOK' } }),
        aPledge({ id: 'lapsed', validUntil: '2024-01-01' }),
        materialPledge({ id: 'items' }),
        materialPledge({ id: 'kilos', remaining: { amount: '7.50', unit: 'kg' } }),
      ],
      aContext(),
    );
    expect(groups.map((g) => g.valueUnit)).toEqual(['USD', 'items', 'kg']);
    const [usd, items, kg] = groups;
    expect(usd.needs).toEqual([
      { id: 'dollars', priority: 'high', remaining: 10_000_000n },
      // 1000.00 EUR × 1.082101347 = 1082.101347 USD, rounded down to the cent.
      { id: 'euros', priority: 'critical', remaining: 108_210n },
    ]);
    expect(usd.pledges).toEqual([{ id: 'kroner', remaining: 46_526n }]);
    expect(usd.arcs).toEqual([
      { needId: 'dollars', pledgeId: 'kroner' },
      { needId: 'euros', pledgeId: 'kroner' },
    ]);
    expect(items).toMatchObject({ needs: [{ id: 'detectors', remaining: 5000n }], pledges: [{ remaining: 2000n }] });
    expect(kg).toMatchObject({ needs: [], pledges: [{ id: 'kilos', remaining: 750n }], arcs: [] });
  });

  it('joins exactly the pairs that compatible() accepts (or that convert to nothing)', () => {
    const unit = fc.constantFrom('USD', 'EUR', 'JPY', 'PLN', 'items', 'kg');
    const common = {
      type: fc.constantFrom('financial' as const, 'material' as const),
      category: fc.option(fc.constantFrom('prosthetics', 'metal_detectors'), { nil: undefined }),
      unit,
      amount: fc.integer({ min: 0, max: 300 }),
    };
    const need = fc.record({
      ...common,
      pillar: fc.constantFrom('clearance' as const, 'victim_assistance' as const),
      status: fc.constantFrom('open' as const, 'partially_delivered' as const, 'fulfilled' as const),
      requesterId: fc.constantFrom('LAO', 'KHM'),
    });
    const pledge = fc.record({
      ...common,
      pillars: fc.subarray(['clearance', 'victim_assistance'] as const),
      status: fc.constantFrom('open' as const, 'expired' as const),
      recipientId: fc.option(fc.constantFrom('LAO', 'KHM'), { nil: undefined }),
      validUntil: fc.option(fc.constantFrom('2024-05-01', '2025-01-01'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(need, { maxLength: 8 }), fc.array(pledge, { maxLength: 8 }), (rawNeeds, rawPledges) => {
        const remaining = (amount: number, unit: string) => ({
          amount: unit === 'JPY' ? String(amount) : `${amount}.00`,
          unit,
        });
        const needs = rawNeeds.map(({ type, unit, amount, ...n }, i) =>
          aNeed({ ...n, id: `n${i}`, assistanceType: type, remaining: remaining(amount, unit) }),
        );
        const pledges = rawPledges.map(({ type, unit, amount, ...p }, j) =>
          aPledge({ ...p, id: `p${j}`, assistanceType: type, remaining: remaining(amount, unit) }),
        );
        const arcs = buildPlanInput(needs, pledges, aContext()).flatMap((g) =>
          g.arcs.map((a) => `${a.pledgeId}>${a.needId}`),
        );
        const expected = pledges.flatMap((p) =>
          needs.flatMap((n) => {
            const verdict = compatible(n, p, aContext());
            const joined = verdict.ok || verdict.reasons.every((r) => r.reason === 'nothing_coverable');
            return joined ? [`${p.id}>${n.id}`] : [];
          }),
        );
        expect(arcs.sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });
});
