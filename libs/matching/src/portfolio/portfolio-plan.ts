import { fromMinor, minus, type AssistanceType, type Pillar, type Quantity } from '@cm/domain';
import type { MatchableNeed, MatchablePledge, MatchContext } from '../candidates/matchable.types';
import { planAllocations, PRIORITIES, type PlanOptions, type Priority } from '../plan';
import { summarisePlan } from '../plan/plan-summary';
import { resolveUtility } from '../plan/utility';
import { convertBack, type ConvertedAllocation, type PortfolioAllocation } from './convert-back';
import { buildPlanInput } from './plan-input';

/** A portfolio: a pillar, a recipient, an assistance type, or any combination. */
export interface PortfolioFilters {
  readonly pillar?: Pillar;
  readonly recipientId?: string;
  readonly assistanceType?: AssistanceType;
}

/** Requested and planned totals of one priority in one value unit (USD for money). */
export interface PortfolioCoverage {
  readonly requested: Quantity;
  readonly planned: Quantity;
}

export interface PortfolioPlan {
  /** Sorted by need id, then pledge id. */
  readonly allocations: PortfolioAllocation[];
  /** Σ over value units of the plan objective of the returned allocations (priority-weighted concave coverage). */
  readonly objective: number;
  readonly objectiveByValueUnit: Readonly<Record<string, number>>;
  /** priority → value unit → totals; only value units present in the portfolio appear. */
  readonly coverageByPriority: Readonly<Record<Priority, Readonly<Record<string, PortfolioCoverage>>>>;
  /** Needs in the portfolio that the plan leaves short, with what is missing in the need's own unit; by id. */
  readonly unmetNeeds: { needId: string; unmet: Quantity }[];
}

/**
 * The optimal allocation plan for a portfolio (DESIGN §7): filters the matchables, plans each value unit with
 * `planAllocations`, and converts the planned values back into amounts of each side's unit, rounded down so that no
 * need or pledge is ever over-allocated in its own unit. Objective and coverage are those of the returned amounts.
 */
export function planPortfolio(
  needs: readonly MatchableNeed[],
  pledges: readonly MatchablePledge[],
  context: MatchContext,
  filters: PortfolioFilters = {},
  options?: PlanOptions,
): PortfolioPlan {
  const utility = resolveUtility(options);
  const groups = buildPlanInput(
    needs.filter((need) => inPortfolio(need, filters)),
    pledges.filter((pledge) => pledgeInPortfolio(pledge, filters)),
    context,
  );
  const allocations: ConvertedAllocation[] = [];
  const objectiveByValueUnit: Record<string, number> = {};
  const coverageByPriority = Object.fromEntries(PRIORITIES.map((p) => [p, {}])) as Record<
    Priority,
    Record<string, PortfolioCoverage>
  >;
  const unmetNeeds: PortfolioPlan['unmetNeeds'] = [];

  for (const group of groups) {
    const plan = planAllocations(group.needs, group.pledges, group.arcs, options);
    const converted = plan.allocations.flatMap(({ needId, pledgeId, amount }) => {
      const allocation = convertBack(
        group.needsById.get(needId)!,
        group.pledgesById.get(pledgeId)!,
        amount,
        context.now,
      );
      return allocation ? [allocation] : [];
    });
    allocations.push(...converted);

    const sortedNeeds = [...group.needs].sort((a, b) => compareIds(a.id, b.id));
    const inValue = converted.map((a) => ({ needId: a.needId, pledgeId: a.pledgeId, amount: a.needValue }));
    const summary = summarisePlan(sortedNeeds, inValue, utility);
    objectiveByValueUnit[group.valueUnit] = summary.objective;
    for (const priority of PRIORITIES) {
      const { requested, planned } = summary.coverageByPriority[priority];
      if (requested === 0n) continue;
      coverageByPriority[priority][group.valueUnit] = {
        requested: fromMinor(requested, group.valueUnit),
        planned: fromMinor(planned, group.valueUnit),
      };
    }
    unmetNeeds.push(...unmetOf(group.needsById, converted));
  }

  return {
    allocations: allocations
      .sort((a, b) => compareIds(a.needId, b.needId) || compareIds(a.pledgeId, b.pledgeId))
      .map(({ needMinor: _minor, needValue: _value, ...allocation }) => allocation),
    objective: Object.values(objectiveByValueUnit).reduce((sum, value) => sum + value, 0),
    objectiveByValueUnit,
    coverageByPriority,
    unmetNeeds: unmetNeeds.sort((a, b) => compareIds(a.needId, b.needId)),
  };
}

function unmetOf(
  needsById: ReadonlyMap<string, { item: MatchableNeed; remaining: bigint }>,
  allocations: readonly ConvertedAllocation[],
): PortfolioPlan['unmetNeeds'] {
  const received = new Map<string, bigint>();
  for (const a of allocations) {
    received.set(a.needId, (received.get(a.needId) ?? 0n) + a.needMinor);
  }
  const unmet: PortfolioPlan['unmetNeeds'] = [];
  for (const { item, remaining } of needsById.values()) {
    const got = received.get(item.id) ?? 0n;
    if (got < remaining)
      unmet.push({ needId: item.id, unmet: minus(item.remaining, fromMinor(got, item.remaining.unit)) });
  }
  return unmet;
}

const inPortfolio = (need: MatchableNeed, filters: PortfolioFilters): boolean =>
  (filters.pillar === undefined || need.pillar === filters.pillar) &&
  (filters.recipientId === undefined || need.requesterId === filters.recipientId) &&
  (filters.assistanceType === undefined || need.assistanceType === filters.assistanceType);

const pledgeInPortfolio = (pledge: MatchablePledge, filters: PortfolioFilters): boolean =>
  (filters.pillar === undefined || pledge.pillars.includes(filters.pillar)) &&
  (filters.recipientId === undefined ||
    pledge.recipientId === undefined ||
    pledge.recipientId === filters.recipientId) &&
  (filters.assistanceType === undefined || pledge.assistanceType === filters.assistanceType);

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
