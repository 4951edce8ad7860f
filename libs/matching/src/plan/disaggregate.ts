import { CompatibilityClasses } from './compatibility-classes';

/** One allocation in index form: need index, pledge index, amount. */
export type IndexedAllocation = [need: number, pledge: number, amount: number];

export interface ClassFlows {
  /** Flow on the k-th pledge-class → need-class pair, in the order of `needClassesOfPledgeClass`. */
  readonly pairFlow: Float64Array;
  /** What each need class received. */
  readonly needClassInflow: Float64Array;
}

export interface MemberCapacities {
  /** Need n's segment k may take `segmentCap[n * segmentCount + k]`, worth `segmentValue[…]` per unit. */
  readonly segmentCount: number;
  readonly segmentCap: Float64Array;
  readonly segmentValue: Float64Array;
  readonly pledgeCap: Float64Array;
}

/**
 * Turns class-level flows into pledge → need allocations. Inside a need class the inflow fills the most valuable member
 * segments first (ties on need id), which is what makes the class-level objective the members' objective. Then each
 * pledge class's flow is cut into members in id order (north-west corner rule): members of compatible classes are all
 * pairwise compatible, so any split is feasible, and this one is deterministic and yields few allocations.
 */
export function disaggregate(
  classes: CompatibilityClasses,
  flows: ClassFlows,
  capacities: MemberCapacities,
): IndexedAllocation[] {
  const needMembers = membersByClass(classes.needClassOf, classes.needClassCount);
  const pledgeMembers = membersByClass(classes.pledgeClassOf, classes.pledgeClassCount);
  const planned = fillNeedSegments(needMembers, flows.needClassInflow, capacities);

  const incoming: [pledgeClass: number, amount: number][][] = needMembers.map(() => []);
  for (let p = 0; p < classes.pledgeClassCount; p++) {
    for (let k = classes.pledgeClassStart[p]; k < classes.pledgeClassStart[p + 1]; k++) {
      if (flows.pairFlow[k] > 0) incoming[classes.needClassesOfPledgeClass[k]].push([p, flows.pairFlow[k]]);
    }
  }

  const chunks: [need: number, amount: number][][] = pledgeMembers.map(() => []);
  needMembers.forEach((members, c) => {
    const receivers = members.filter((n) => planned[n] > 0).map((n): [number, number] => [n, planned[n]]);
    northWest(incoming[c], receivers, (pledgeClass, need, amount) => chunks[pledgeClass].push([need, amount]));
  });

  const allocations: IndexedAllocation[] = [];
  pledgeMembers.forEach((members, p) => {
    const givers = members.map((pledge): [number, number] => [pledge, capacities.pledgeCap[pledge]]);
    northWest(givers, chunks[p], (pledge, need, amount) => allocations.push([need, pledge, amount]));
  });
  return allocations.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function membersByClass(classOf: Int32Array, classCount: number): number[][] {
  const members: number[][] = Array.from({ length: classCount }, () => []);
  classOf.forEach((c, node) => c >= 0 && members[c].push(node));
  return members;
}

function fillNeedSegments(needMembers: number[][], inflow: Float64Array, capacities: MemberCapacities): Float64Array {
  const { segmentCount: K, segmentCap, segmentValue } = capacities;
  const planned = new Float64Array(segmentCap.length / K);
  needMembers.forEach((members, c) => {
    const slots = members.flatMap((n) => Array.from({ length: K }, (_, k) => n * K + k));
    slots.sort((a, b) => segmentValue[b] - segmentValue[a] || a - b);
    let left = inflow[c];
    for (const slot of slots) {
      if (left === 0 || segmentValue[slot] <= 0) break;
      const amount = Math.min(left, segmentCap[slot]);
      planned[Math.floor(slot / K)] += amount;
      left -= amount;
    }
    if (left !== 0) throw new Error(`need class ${c} received more than its segments hold`);
  });
  return planned;
}

/** Matches two ordered supply lists front to front, emitting every overlap. Both must have the same total. */
function northWest(
  givers: [number, number][],
  takers: [number, number][],
  emit: (giver: number, taker: number, amount: number) => void,
): void {
  let g = 0;
  let given = 0;
  for (const [taker, wanted] of takers) {
    let left = wanted;
    while (left > 0) {
      if (g >= givers.length) throw new Error('class flow exceeds what its members can give');
      const amount = Math.min(left, givers[g][1] - given);
      if (amount > 0) emit(givers[g][0], taker, amount);
      left -= amount;
      given += amount;
      if (given === givers[g][1]) {
        g++;
        given = 0;
      }
    }
  }
}
