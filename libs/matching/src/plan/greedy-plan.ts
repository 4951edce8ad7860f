import { indexPlanInput } from './plan-input';
import { summarisePlan } from './plan-summary';
import { Plan, PlanArc, PlannedAllocation, PlanNeed, PlanOptions, PlanPledge, PRIORITIES } from './plan.types';
import { resolveUtility } from './utility';

/**
 * The baseline the optimiser is measured against: needs in priority order (then id), each taking what it can from its
 * compatible pledges in id order. Fast and intuitive, but an early need may use up the one pledge a later need could
 * use while its other options go to waste.
 */
export function greedyPlan(
  needs: readonly PlanNeed[],
  pledges: readonly PlanPledge[],
  arcs: readonly PlanArc[],
  options?: PlanOptions,
): Plan {
  const utility = resolveUtility(options);
  const input = indexPlanInput(needs, pledges, arcs);
  const left = input.pledges.map((pledge) => pledge.remaining);
  const order = input.needs
    .map((need, n) => ({ rank: PRIORITIES.indexOf(need.priority), n }))
    .sort((a, b) => a.rank - b.rank || a.n - b.n);

  const allocations: PlannedAllocation[] = [];
  for (const { n } of order) {
    let wanted = input.needs[n].remaining;
    for (let i = input.needStart[n]; i < input.needStart[n + 1] && wanted > 0n; i++) {
      const p = input.pledgesOfNeed[i];
      const amount = left[p] < wanted ? left[p] : wanted;
      if (amount === 0n) continue;
      left[p] -= amount;
      wanted -= amount;
      allocations.push({ needId: input.needs[n].id, pledgeId: input.pledges[p].id, amount });
    }
  }
  allocations.sort((a, b) => compareIds(a.needId, b.needId) || compareIds(a.pledgeId, b.pledgeId));
  return summarisePlan(input.needs, allocations, utility);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
