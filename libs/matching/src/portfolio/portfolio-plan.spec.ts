import { convert, minorOf, type Quantity } from '@cm/domain';
import fc from 'fast-check';
import type { MatchableNeed, MatchablePledge } from '../candidates/matchable.types';
import { aContext, aNeed, aPledge, materialNeed, materialPledge } from '../testing/matchables';
import { planPortfolio } from './portfolio-plan';

describe('planPortfolio', () => {
  const needs = [
    aNeed({ id: 'lao-critical', priority: 'critical', remaining: { amount: '1000.00', unit: 'USD' } }),
    aNeed({ id: 'khm-low', requesterId: 'KHM', priority: 'low', remaining: { amount: '2000.00', unit: 'EUR' } }),
    aNeed({ id: 'lao-education', pillar: 'risk_education', remaining: { amount: '300.00', unit: 'USD' } }),
    materialNeed({ id: 'lao-detectors' }),
  ];
  const pledges = [
    aPledge({ id: 'nok', remaining: { amount: '20000.00', unit: 'NOK' } }),
    aPledge({ id: 'eur-lao', recipientId: 'LAO', remaining: { amount: '400.00', unit: 'EUR' } }),
    materialPledge({ id: 'detectors', remaining: { amount: '30.00', unit: 'items' } }),
  ];

  it('covers the critical need first, converting back into each side unit with the domain rate', () => {
    const plan = planPortfolio(needs, pledges, aContext());
    expect(plan.allocations.map((a) => [a.needId, a.pledgeId])).toEqual([
      ['khm-low', 'nok'],
      ['lao-critical', 'eur-lao'],
      ['lao-critical', 'nok'],
      ['lao-detectors', 'detectors'],
    ]);
    const toCritical = plan.allocations.filter((a) => a.needId === 'lao-critical');
    const received = toCritical.reduce((sum, a) => sum + minorOf(a.amountInNeedUnit), 0n);
    expect(received).toBeLessThanOrEqual(100_000n);
    expect(received).toBeGreaterThan(99_990n);
    for (const a of toCritical) {
      expect(convert(a.amountInPledgeUnit, 'USD', aContext().now).quantity).toEqual(a.amountInNeedUnit);
      expect(a.valueUsd).toEqual(a.amountInNeedUnit);
      expect(a.conversion?.rateDate).toBe('2024');
    }
    expect(plan.allocations[3]).toEqual({
      needId: 'lao-detectors',
      pledgeId: 'detectors',
      amountInPledgeUnit: { amount: '30.00', unit: 'items' },
      amountInNeedUnit: { amount: '30.00', unit: 'items' },
    });
    // No pledge accepts risk education, so that need stays unmet in full.
    expect(plan.unmetNeeds.map((u) => u.needId)).toEqual(['khm-low', 'lao-critical', 'lao-detectors', 'lao-education']);
    expect(plan.unmetNeeds[3].unmet).toEqual({ amount: '300.00', unit: 'USD' });
    expect(plan.unmetNeeds[2].unmet).toEqual({ amount: '20.00', unit: 'items' });
    expect(plan.coverageByPriority.critical.USD.requested).toEqual({ amount: '1000.00', unit: 'USD' });
    expect(Object.keys(plan.coverageByPriority.high).sort()).toEqual(['USD', 'items']);
    expect(plan.objective).toBeCloseTo(plan.objectiveByValueUnit.USD + plan.objectiveByValueUnit.items, 6);
  });

  it('plans only the portfolio asked for', () => {
    const ids = (plan: ReturnType<typeof planPortfolio>) => [
      ...new Set([...plan.allocations.map((a) => a.needId), ...plan.unmetNeeds.map((u) => u.needId)]),
    ];
    expect(ids(planPortfolio(needs, pledges, aContext(), { pillar: 'risk_education' }))).toEqual(['lao-education']);
    expect(ids(planPortfolio(needs, pledges, aContext(), { recipientId: 'KHM' }))).toEqual(['khm-low']);
    const khm = planPortfolio(needs, pledges, aContext(), { recipientId: 'KHM' });
    expect(khm.allocations.map((a) => a.pledgeId)).toEqual(['nok']);
    const material = planPortfolio(needs, pledges, aContext(), { assistanceType: 'material' });
    expect(material.allocations.map((a) => a.pledgeId)).toEqual(['detectors']);
  });

  it('never plans more than either side has left in its own unit', () => {
    const currencies = ['USD', 'EUR', 'JPY', 'NOK', 'GBP', 'PLN'];
    const amount = fc.bigInt({ min: 0n, max: 5_000_000n });
    const unit = fc.constantFrom(...currencies, 'items');
    const need = fc.record({
      unit,
      amount,
      priority: fc.constantFrom('critical' as const, 'high' as const, 'medium' as const, 'low' as const),
      pillar: fc.constantFrom('clearance' as const, 'victim_assistance' as const),
      requesterId: fc.constantFrom('LAO', 'KHM'),
    });
    const pledge = fc.record({
      unit,
      amount,
      pillars: fc.subarray(['clearance', 'victim_assistance'] as const, { minLength: 1 }),
      recipientId: fc.option(fc.constantFrom('LAO', 'KHM'), { nil: undefined }),
    });
    const quantity = (minor: bigint, unit: string): Quantity => ({
      amount: unit === 'JPY' ? String(minor) : `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`,
      unit,
    });
    fc.assert(
      fc.property(
        fc.array(need, { minLength: 1, maxLength: 8 }),
        fc.array(pledge, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('2009-02-01', '2024-06-01', '2027-01-01'),
        (rawNeeds, rawPledges, now) => {
          const material = (u: string) => (u === 'items' ? { assistanceType: 'material' as const, category: 'x' } : {});
          const needs: MatchableNeed[] = rawNeeds.map(({ unit: u, amount: a, ...n }, i) =>
            aNeed({ ...n, ...material(u), id: `n${i}`, remaining: quantity(a, u) }),
          );
          const pledges: MatchablePledge[] = rawPledges.map(({ unit: u, amount: a, ...p }, j) =>
            aPledge({ ...p, ...material(u), id: `p${j}`, remaining: quantity(a, u) }),
          );
          const plan = planPortfolio(needs, pledges, aContext({ now }));
          const used = new Map<string, bigint>();
          for (const a of plan.allocations) {
            const need = needs.find((n) => n.id === a.needId)!;
            const pledge = pledges.find((p) => p.id === a.pledgeId)!;
            expect(a.amountInPledgeUnit.unit).toBe(pledge.remaining.unit);
            expect(a.amountInNeedUnit.unit).toBe(need.remaining.unit);
            expect(minorOf(a.amountInPledgeUnit)).toBeGreaterThan(0n);
            expect(minorOf(a.amountInNeedUnit)).toBeGreaterThan(0n);
            const recorded =
              need.remaining.unit === pledge.remaining.unit
                ? a.amountInPledgeUnit
                : convert(a.amountInPledgeUnit, need.remaining.unit, now).quantity;
            expect(recorded).toEqual(a.amountInNeedUnit);
            used.set(a.needId, (used.get(a.needId) ?? 0n) + minorOf(a.amountInNeedUnit));
            used.set(a.pledgeId, (used.get(a.pledgeId) ?? 0n) + minorOf(a.amountInPledgeUnit));
          }
          for (const side of [...needs, ...pledges]) {
            expect(used.get(side.id) ?? 0n).toBeLessThanOrEqual(minorOf(side.remaining));
          }
          expect(planPortfolio([...needs].reverse(), [...pledges].reverse(), aContext({ now }))).toEqual(plan);
        },
      ),
      { numRuns: 300 },
    );
  });
});
