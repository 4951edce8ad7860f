import { compatibilityClasses, CompatibilityClasses } from './compatibility-classes';
import { disaggregate, MemberCapacities } from './disaggregate';
import { FlowNetwork } from './flow-network';
import { indexPlanInput } from './plan-input';
import { summarisePlan } from './plan-summary';
import { Plan, PlanArc, PlanNeed, PlanOptions, PlanPledge } from './plan.types';
import { resolveUtility, segmentAmounts, Utility } from './utility';

/**
 * The optimal allocation plan: maximises Σ weight(priority) · U(planned) over all needs, where U is the concave
 * segment utility, subject to what every need and pledge has left and to the compatible pairs.
 *
 * Because a unit's value depends only on the need segment it fills, the reachable segment fillings form a polymatroid
 * and Edmonds' greedy algorithm is exact: serve segments in decreasing value, each as much as possible while keeping
 * what the more valuable ones already got (rerouting allowed). Segments of equal value are served together by one
 * max-flow, so the solver runs one resumed Dinic max-flow per distinct value (≤ 4 priorities × segments) on the
 * network source → pledge classes → need classes → sink, whose sink capacities grow level by level. Augmenting paths
 * never lower a sink arc's flow, so each level keeps the more valuable levels' coverage.
 */
export function planAllocations(
  needs: readonly PlanNeed[],
  pledges: readonly PlanPledge[],
  arcs: readonly PlanArc[],
  options?: PlanOptions,
): Plan {
  const utility = resolveUtility(options);
  const input = indexPlanInput(needs, pledges, arcs);
  const classes = compatibilityClasses(input);
  const capacities = memberCapacities(input.needs, input.pledges, utility);
  const network = classNetwork(classes, capacities);

  const levels = valueLevels(capacities.segmentValue);
  const sinkCap = new Float64Array(classes.needClassCount);
  for (const value of levels) {
    input.needs.forEach((_, n) => {
      const c = classes.needClassOf[n];
      if (c < 0) return;
      for (let k = n * capacities.segmentCount; k < (n + 1) * capacities.segmentCount; k++) {
        if (capacities.segmentValue[k] !== value) continue;
        const raised = Math.min(sinkCap[c] + capacities.segmentCap[k], capacities.bound);
        network.raiseCapacity(network.sinkEdge(c), raised - sinkCap[c]);
        sinkCap[c] = raised;
      }
    });
    network.maxFlow(network.source, network.sink);
  }

  const pairFlow = new Float64Array(classes.needClassesOfPledgeClass.length);
  for (let k = 0; k < pairFlow.length; k++) pairFlow[k] = network.flowOn(network.pairEdge(k));
  const needClassInflow = new Float64Array(sinkCap.length);
  for (let c = 0; c < sinkCap.length; c++) needClassInflow[c] = network.flowOn(network.sinkEdge(c));
  const allocations = disaggregate(classes, { pairFlow, needClassInflow }, capacities).map(([n, p, amount]) => ({
    needId: input.needs[n].id,
    pledgeId: input.pledges[p].id,
    amount: BigInt(amount),
  }));
  return summarisePlan(input.needs, allocations, utility);
}

/**
 * Flows run in JS numbers, exact up to 2^53. No flow can exceed the smaller of total supply and total demand, so
 * capacities are clamped to that bound and only the bound itself has to be safe.
 */
function memberCapacities(
  needs: readonly PlanNeed[],
  pledges: readonly PlanPledge[],
  utility: Utility,
): MemberCapacities & { bound: number } {
  const supply = pledges.reduce((sum, pledge) => sum + pledge.remaining, 0n);
  const demand = needs.reduce((sum, need) => sum + need.remaining, 0n);
  const exactBound = supply < demand ? supply : demand;
  if (exactBound > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('total supply and total demand both exceed 2^53 - 1 units; plan in a coarser unit');
  }
  const bound = Number(exactBound);
  const clamp = (amount: bigint) => (amount < exactBound ? Number(amount) : bound);
  const segmentCount = utility.segments.length;
  const segmentCap = new Float64Array(needs.length * segmentCount);
  const segmentValue = new Float64Array(needs.length * segmentCount);
  needs.forEach((need, n) => {
    segmentAmounts(need.remaining, utility).forEach((amount, k) => {
      segmentCap[n * segmentCount + k] = clamp(amount);
      segmentValue[n * segmentCount + k] = utility.weights[need.priority] * utility.segments[k].marginal;
    });
  });
  const pledgeCap = Float64Array.from(pledges, (pledge) => clamp(pledge.remaining));
  return { segmentCount, segmentCap, segmentValue, pledgeCap, bound };
}

function valueLevels(segmentValue: Float64Array): number[] {
  return [...new Set(segmentValue)].filter((value) => value > 0).sort((a, b) => b - a);
}

/** Node 0 is the source, then pledge classes, then need classes, then the sink; edges in the same order. */
function classNetwork(classes: CompatibilityClasses, capacities: MemberCapacities & { bound: number }) {
  const { pledgeClassCount: P, needClassCount: C, pledgeClassStart, needClassesOfPledgeClass } = classes;
  const pairs = needClassesOfPledgeClass.length;
  const from = new Int32Array(P + pairs + C);
  const to = new Int32Array(P + pairs + C);
  const capacity = new Float64Array(P + pairs + C);
  capacities.pledgeCap.forEach((cap, pledge) => {
    const p = classes.pledgeClassOf[pledge];
    if (p >= 0) capacity[p] = Math.min(capacity[p] + cap, capacities.bound);
  });
  for (let p = 0; p < P; p++) {
    to[p] = 1 + p;
    for (let k = pledgeClassStart[p]; k < pledgeClassStart[p + 1]; k++) {
      from[P + k] = 1 + p;
      to[P + k] = 1 + P + needClassesOfPledgeClass[k];
      capacity[P + k] = Infinity;
    }
  }
  for (let c = 0; c < C; c++) {
    from[P + pairs + c] = 1 + P + c;
    to[P + pairs + c] = 1 + P + C;
  }
  const network = new FlowNetwork(P + C + 2, from, to, capacity);
  return Object.assign(network, {
    source: 0,
    sink: 1 + P + C,
    pairEdge: (k: number) => P + k,
    sinkEdge: (c: number) => P + pairs + c,
  });
}
