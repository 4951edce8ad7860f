import { greedyPlan } from './greedy-plan';
import { planAllocations } from './optimal-plan';
import { PlanArc, PlanNeed, PlanPledge } from './plan.types';

const need = (id: string, priority: PlanNeed['priority'], remaining: bigint): PlanNeed => ({ id, priority, remaining });
const pledge = (id: string, remaining: bigint): PlanPledge => ({ id, remaining });
const arc = (pledgeId: string, needId: string): PlanArc => ({ pledgeId, needId });

describe('the flexible-donor trap', () => {
  // Two critical Lao needs of USD 1M each (amounts in USD cents). NOR pledges 1M for any pillar; the EU pledges 1M for
  // clearance only. Greedy serves the clearance need first (lower id) from the first compatible pledge in id order,
  // NOR's flexible money, so the victim-assistance need, which only NOR can fund, is left with nothing while the EU
  // clearance pledge sits unused. The plan routes clearance to the EU and victim assistance to NOR.
  const needs = [
    need('LAO-clearance', 'critical', 100_000_000n),
    need('LAO-victim-assistance', 'critical', 100_000_000n),
  ];
  const pledges = [pledge('EU-clearance', 100_000_000n), pledge('A-NOR-any-pillar', 100_000_000n)];
  const arcs = [
    arc('A-NOR-any-pillar', 'LAO-clearance'),
    arc('A-NOR-any-pillar', 'LAO-victim-assistance'),
    arc('EU-clearance', 'LAO-clearance'),
  ];

  it('greedy by priority leaves a critical need uncovered', () => {
    const greedy = greedyPlan(needs, pledges, arcs);
    expect(greedy.unmetNeeds).toEqual([{ needId: 'LAO-victim-assistance', unmet: 100_000_000n }]);
  });

  it('the plan covers both critical needs', () => {
    const plan = planAllocations(needs, pledges, arcs);
    expect(plan.allocations).toEqual([
      { needId: 'LAO-clearance', pledgeId: 'EU-clearance', amount: 100_000_000n },
      { needId: 'LAO-victim-assistance', pledgeId: 'A-NOR-any-pillar', amount: 100_000_000n },
    ]);
    expect(plan.unmetNeeds).toEqual([]);
    expect(plan.coverageByPriority.critical).toEqual({ requested: 200_000_000n, planned: 200_000_000n });
    expect(plan.objective).toBeGreaterThan(greedyPlan(needs, pledges, arcs).objective);
  });
});

describe('diminishing returns', () => {
  it('two equal-priority needs share one pledge instead of one absorbing it', () => {
    const needs = [need('KHM-survey', 'high', 1_000n), need('LBN-survey', 'high', 1_000n)];
    const arcs = [arc('JPN', 'KHM-survey'), arc('JPN', 'LBN-survey')];
    const plan = planAllocations(needs, [pledge('JPN', 1_000n)], arcs);
    expect(plan.allocations).toEqual([
      { needId: 'KHM-survey', pledgeId: 'JPN', amount: 500n },
      { needId: 'LBN-survey', pledgeId: 'JPN', amount: 500n },
    ]);
    expect(greedyPlan(needs, [pledge('JPN', 1_000n)], arcs).allocations).toEqual([
      { needId: 'KHM-survey', pledgeId: 'JPN', amount: 1_000n },
    ]);
  });

  it('a critical need is completed before a low one starts when weights say so', () => {
    const needs = [need('a-low', 'low', 100n), need('b-critical', 'critical', 100n)];
    const arcs = [arc('p', 'a-low'), arc('p', 'b-critical')];
    const plan = planAllocations(needs, [pledge('p', 100n)], arcs);
    // The critical need's last 20 % is worth 8 · 0.3 = 2.4 per unit, more than the low need's first half (1).
    expect(plan.allocations).toEqual([{ needId: 'b-critical', pledgeId: 'p', amount: 100n }]);
  });
});

describe('determinism', () => {
  const needs = Array.from({ length: 30 }, (_, i) =>
    need(`n${i}`, (['critical', 'high', 'medium', 'low'] as const)[i % 4], BigInt(100 + i * 7)),
  );
  const pledges = Array.from({ length: 12 }, (_, j) => pledge(`p${j}`, BigInt(150 + j * 13)));
  const arcs = needs.flatMap((n, i) =>
    pledges.filter((_, j) => (i + j) % 3 === 0 || j % 5 === i % 5).map((p) => arc(p.id, n.id)),
  );

  it('gives the same plan whatever the input order', () => {
    const reference = planAllocations(needs, pledges, arcs);
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = planAllocations(shuffle(needs, seed), shuffle(pledges, seed + 10), shuffle(arcs, seed + 20));
      expect(shuffled).toEqual(reference);
    }
  });

  it('ignores repeated arcs', () => {
    expect(planAllocations(needs, pledges, [...arcs, ...arcs.slice(0, 20)])).toEqual(
      planAllocations(needs, pledges, arcs),
    );
  });
});

describe('amounts', () => {
  it('stays exact for amounts of 1e13 minor units', () => {
    const needs = [need('a', 'high', 10_000_000_000_001n), need('b', 'high', 9_999_999_999_999n)];
    const arcs = [arc('p', 'a'), arc('p', 'b'), arc('q', 'b')];
    const plan = planAllocations(needs, [pledge('p', 10_000_000_000_003n), pledge('q', 7n)], arcs);
    const total = plan.allocations.reduce((sum, a) => sum + a.amount, 0n);
    expect(total).toBe(10_000_000_000_010n);
    expect(plan.coverageByPriority.high.requested).toBe(20_000_000_000_000n);
  });

  it('refuses totals beyond 2^53 on both sides rather than rounding', () => {
    const huge = 2n ** 53n;
    expect(() => planAllocations([need('a', 'low', huge)], [pledge('p', huge)], [arc('p', 'a')])).toThrow(RangeError);
  });

  it('accepts one huge side when the other bounds every flow', () => {
    const plan = planAllocations([need('a', 'low', 2n ** 60n)], [pledge('p', 5n)], [arc('p', 'a')]);
    expect(plan.unmetNeeds).toEqual([{ needId: 'a', unmet: 2n ** 60n - 5n }]);
  });
});

describe('input validation', () => {
  it('rejects arcs naming unknown needs or pledges', () => {
    expect(() => planAllocations([need('a', 'low', 1n)], [pledge('p', 1n)], [arc('q', 'a')])).toThrow(RangeError);
  });

  it('rejects duplicate ids and negative amounts', () => {
    expect(() => planAllocations([need('a', 'low', 1n), need('a', 'high', 1n)], [], [])).toThrow(RangeError);
    expect(() => planAllocations([], [pledge('p', -1n)], [])).toThrow(RangeError);
  });

  it('rejects convex utilities', () => {
    const segments = [
      { upTo: 0.5, marginal: 1 },
      { upTo: 1, marginal: 2 },
    ];
    expect(() => planAllocations([], [], [], { segments })).toThrow(RangeError);
  });
});

/** A seeded Fisher–Yates shuffle, so a failing order can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
