import { Plan, PlannedAllocation, PlanNeed, PRIORITIES, Priority, PriorityCoverage } from './plan.types';
import { needValue, Utility } from './utility';

/**
 * Scores a set of allocations the same way for every planner, so the optimiser and the greedy baseline are compared on
 * one objective. Needs must be sorted by id; allocations must name known needs.
 */
export function summarisePlan(needs: readonly PlanNeed[], allocations: PlannedAllocation[], utility: Utility): Plan {
  const planned = new Map<string, bigint>();
  for (const { needId, amount } of allocations) planned.set(needId, (planned.get(needId) ?? 0n) + amount);

  const coverage = Object.fromEntries(PRIORITIES.map((p) => [p, { requested: 0n, planned: 0n }])) as Record<
    Priority,
    { requested: bigint; planned: bigint }
  >;
  const unmetNeeds: Plan['unmetNeeds'] = [];
  let objective = 0;
  for (const need of needs) {
    const got = planned.get(need.id) ?? 0n;
    coverage[need.priority].requested += need.remaining;
    coverage[need.priority].planned += got;
    objective += needValue(need.priority, need.remaining, got, utility);
    if (got < need.remaining) unmetNeeds.push({ needId: need.id, unmet: need.remaining - got });
  }
  return {
    allocations,
    objective,
    coverageByPriority: coverage as Record<Priority, PriorityCoverage>,
    unmetNeeds,
  };
}
