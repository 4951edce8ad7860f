import { minorOf } from '@cm/domain';
import { MATCHABLE_NEED_STATUSES, MATCHABLE_PLEDGE_STATUSES } from '../candidates/compatible';
import { hasLapsed } from '../candidates/lapsed';
import type { MatchableNeed, MatchablePledge, MatchContext } from '../candidates/matchable.types';
import type { PlanArc, PlanNeed, PlanPledge } from '../plan';
import { toValue, valueUnitOf, type ValueUnit } from './value-units';

/** The needs and pledges that meet in one value unit, ready for `planAllocations`, with what converts them back. */
export interface PlanGroup {
  /** `USD` (in cents) for money with a reference rate, otherwise the shared unit (in its minor units). */
  readonly valueUnit: string;
  readonly needs: PlanNeed[];
  readonly pledges: PlanPledge[];
  readonly arcs: PlanArc[];
  readonly needsById: ReadonlyMap<string, Planned<MatchableNeed>>;
  readonly pledgesById: ReadonlyMap<string, Planned<MatchablePledge>>;
}

/** A side as planned: the matchable, its remaining in minor units of its own unit, and the rate into the value unit. */
export interface Planned<T> {
  readonly item: T;
  readonly remaining: bigint;
  readonly value: ValueUnit;
}

/**
 * Turns matchables into the optimiser's input, one group per value unit (arcs never cross groups: two units meet only
 * when they are equal or both currencies with reference rates). Closed, exhausted and lapsed items are left out; an
 * open need without any compatible pledge stays in, so the plan reports it as unmet. Arcs are found through an index
 * on (assistance type, pillar, category), so the cost follows the number of compatible pairs, not needs × pledges;
 * they are exactly the pairs `compatible` accepts, plus pairs where a conversion leaves nothing to allocate (the
 * conversion back drops those).
 */
export function buildPlanInput(
  needs: readonly MatchableNeed[],
  pledges: readonly MatchablePledge[],
  context: MatchContext,
): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  const groupOf = (valueUnit: string) => {
    let group = groups.get(valueUnit);
    if (!group) {
      group = { valueUnit, needs: [], pledges: [], arcs: [], needsById: new Map(), pledgesById: new Map() };
      groups.set(valueUnit, group);
    }
    return group;
  };

  const needIndex = new Map<string, Planned<MatchableNeed>[]>();
  for (const need of needs) {
    const remaining = minorOf(need.remaining);
    if (!MATCHABLE_NEED_STATUSES.includes(need.status) || remaining <= 0n) continue;
    const value = valueUnitOf(need.remaining.unit, context.now);
    const planned = { item: need, remaining, value };
    const group = groupOf(value.unit);
    group.needs.push({ id: need.id, priority: need.priority, remaining: toValue(remaining, value) });
    (group.needsById as Map<string, Planned<MatchableNeed>>).set(need.id, planned);
    const key = termsKey(value.unit, need.assistanceType, need.pillar, need.category);
    const bucket = needIndex.get(key);
    if (bucket) bucket.push(planned);
    else needIndex.set(key, [planned]);
  }

  for (const pledge of pledges) {
    const remaining = minorOf(pledge.remaining);
    if (!MATCHABLE_PLEDGE_STATUSES.includes(pledge.status) || remaining <= 0n) continue;
    if (pledge.validUntil !== undefined && hasLapsed(pledge.validUntil, context.now)) continue;
    const value = valueUnitOf(pledge.remaining.unit, context.now);
    const group = groupOf(value.unit);
    group.pledges.push({ id: pledge.id, remaining: toValue(remaining, value) });
    (group.pledgesById as Map<string, Planned<MatchablePledge>>).set(pledge.id, { item: pledge, remaining, value });
    for (const pillar of new Set(pledge.pillars)) {
      for (const need of needIndex.get(termsKey(value.unit, pledge.assistanceType, pillar, pledge.category)) ?? []) {
        if (pledge.recipientId !== undefined && pledge.recipientId !== need.item.requesterId) continue;
        group.arcs.push({ needId: need.item.id, pledgeId: pledge.id });
      }
    }
  }
  return [...groups.values()].sort((a, b) => (a.valueUnit < b.valueUnit ? -1 : a.valueUnit > b.valueUnit ? 1 : 0));
}

/** Category only separates material and technical assistance (DESIGN §2); money of any category meets. */
function termsKey(valueUnit: string, type: string, pillar: string, category: string | undefined): string {
  return `${valueUnit}|${type}|${pillar}|${type === 'financial' ? '' : (category ?? '')}`;
}
