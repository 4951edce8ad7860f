import fc from 'fast-check';
import solver from 'javascript-lp-solver';
import { greedyPlan } from './greedy-plan';
import { planAllocations } from './optimal-plan';
import { DEFAULT_PRIORITY_WEIGHTS, Plan, PlanArc, PlanNeed, PlanOptions, PlanPledge, PRIORITIES } from './plan.types';

interface Instance {
  needs: PlanNeed[];
  pledges: PlanPledge[];
  arcs: PlanArc[];
  options: PlanOptions;
}

/**
 * Utilities whose segment sizes the reference below can compute with integer arithmetic, independently of the
 * solver's own rounding: `split(r)` gives the cumulative segment boundaries of a need of r units.
 */
const UTILITIES = [
  {
    options: {},
    split: (r: number) => [Math.floor((r * 5) / 10), Math.floor((r * 8) / 10), r],
    marginals: [1, 0.6, 0.3],
  },
  {
    options: {
      segments: [
        { upTo: 0.25, marginal: 3 },
        { upTo: 1, marginal: 1 },
      ],
    },
    split: (r: number) => [Math.floor(r / 4), r],
    marginals: [3, 1],
  },
];

const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }));

/** Random arcs: any pair may be compatible. */
const randomInstance = fc
  .record({ needCount: fc.integer({ min: 1, max: 6 }), pledgeCount: fc.integer({ min: 1, max: 6 }) })
  .chain(({ needCount, pledgeCount }) =>
    fc.record({
      needs: fc.array(fc.tuple(fc.constantFrom(...PRIORITIES), amount), { minLength: needCount, maxLength: needCount }),
      pledges: fc.array(amount, { minLength: pledgeCount, maxLength: pledgeCount }),
      compatible: fc.array(fc.boolean(), { minLength: needCount * pledgeCount, maxLength: needCount * pledgeCount }),
      utility: fc.integer({ min: 0, max: UTILITIES.length - 1 }),
      weights: fc.option(fc.tuple(...PRIORITIES.map(() => fc.integer({ min: 0, max: 9 })))),
    }),
  )
  .map(({ needs, pledges, compatible, utility, weights }) => ({
    needs: needs.map(([priority, remaining], i) => ({ id: `n${i}`, priority, remaining: BigInt(remaining) })),
    pledges: pledges.map((remaining, j) => ({ id: `p${j}`, remaining: BigInt(remaining) })),
    arcs: compatible.flatMap((ok, k) =>
      ok ? [{ needId: `n${k % needs.length}`, pledgeId: `p${Math.floor(k / needs.length)}` }] : [],
    ),
    options: {
      ...UTILITIES[utility].options,
      ...(weights
        ? { priorityWeights: { critical: weights[0], high: weights[1], medium: weights[2], low: weights[3] } }
        : {}),
    },
    utility,
  }));

/** Keyed arcs, as in production: needs carry one of 3 keys, pledges accept a subset, so classes have many members. */
const keyedInstance = fc
  .record({
    needs: fc.array(fc.tuple(fc.constantFrom(...PRIORITIES), amount, fc.integer({ min: 0, max: 2 })), {
      minLength: 1,
      maxLength: 12,
    }),
    pledges: fc.array(fc.tuple(amount, fc.subarray([0, 1, 2], { minLength: 1 })), { minLength: 1, maxLength: 12 }),
  })
  .map(({ needs, pledges }) => ({
    needs: needs.map(([priority, remaining], i) => ({ id: `n${i}`, priority, remaining: BigInt(remaining) })),
    pledges: pledges.map(([remaining], j) => ({ id: `p${j}`, remaining: BigInt(remaining) })),
    arcs: pledges.flatMap(([, keys], j) =>
      needs.flatMap(([, , key], i) => (keys.includes(key) ? [{ needId: `n${i}`, pledgeId: `p${j}` }] : [])),
    ),
    options: {},
    utility: 0,
  }));

/** The same problem as an LP over segment variables; a transportation LP has an integral optimum. */
function lpOptimum(instance: Instance & { utility: number }): number {
  const { split, marginals } = UTILITIES[instance.utility];
  const weights = instance.options.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS;
  const constraints: Record<string, { max: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  instance.pledges.forEach((p) => (constraints[`supply ${p.id}`] = { max: Number(p.remaining) }));
  for (const need of instance.needs) {
    constraints[`balance ${need.id}`] = { max: 0 };
    const bounds = split(Number(need.remaining));
    bounds.forEach((upper, k) => {
      const name = `segment ${need.id} ${k}`;
      constraints[name] = { max: upper - (k === 0 ? 0 : bounds[k - 1]) };
      variables[name] = { value: weights[need.priority] * marginals[k], [name]: 1, [`balance ${need.id}`]: 1 };
    });
  }
  for (const arc of instance.arcs) {
    variables[`x ${arc.pledgeId} ${arc.needId}`] = { [`supply ${arc.pledgeId}`]: 1, [`balance ${arc.needId}`]: -1 };
  }
  const result = solver.Solve({ optimize: 'value', opType: 'max', constraints, variables }) as { result: number };
  return result.result;
}

function expectFeasible(instance: Instance, plan: Plan): void {
  const arcs = new Set(instance.arcs.map((a) => `${a.pledgeId}|${a.needId}`));
  const given = new Map<string, bigint>();
  const received = new Map<string, bigint>();
  for (const a of plan.allocations) {
    expect(a.amount).toBeGreaterThan(0n);
    expect(arcs.has(`${a.pledgeId}|${a.needId}`)).toBe(true);
    given.set(a.pledgeId, (given.get(a.pledgeId) ?? 0n) + a.amount);
    received.set(a.needId, (received.get(a.needId) ?? 0n) + a.amount);
  }
  for (const p of instance.pledges) expect(given.get(p.id) ?? 0n).toBeLessThanOrEqual(p.remaining);
  for (const n of instance.needs) {
    const got = received.get(n.id) ?? 0n;
    expect(got).toBeLessThanOrEqual(n.remaining);
    const unmet = plan.unmetNeeds.find((u) => u.needId === n.id)?.unmet ?? 0n;
    expect(unmet).toBe(n.remaining - got);
  }
}

function expectOptimal(instance: Instance & { utility: number }): void {
  const plan = planAllocations(instance.needs, instance.pledges, instance.arcs, instance.options);
  const greedy = greedyPlan(instance.needs, instance.pledges, instance.arcs, instance.options);
  expectFeasible(instance, plan);
  expectFeasible(instance, greedy);
  const optimum = lpOptimum(instance);
  expect(Math.abs(plan.objective - optimum)).toBeLessThanOrEqual(1e-6 * Math.max(1, optimum));
  expect(plan.objective).toBeGreaterThanOrEqual(greedy.objective - 1e-6 * Math.max(1, optimum));
}

describe('planAllocations on random small instances', () => {
  it('respects capacities and arcs and reaches the LP optimum (random arcs)', () => {
    fc.assert(
      fc.property(randomInstance, (instance) => expectOptimal(instance)),
      { numRuns: 100 },
    );
  });

  it('respects capacities and arcs and reaches the LP optimum (arcs from compatibility keys)', () => {
    fc.assert(
      fc.property(keyedInstance, (instance) => expectOptimal(instance)),
      { numRuns: 100 },
    );
  });
});
