import { PlanArc, PlanNeed, PlanPledge } from './plan.types';

/**
 * The input in index form: needs and pledges sorted by id (so every later tie-break on an index is a tie-break on the
 * id, whatever order the caller used) and the arcs as a need → pledges adjacency, each list sorted and without repeats.
 * Pledges with nothing left get no arcs: they cannot carry flow and would only split compatibility classes.
 */
export interface IndexedPlanInput {
  readonly needs: PlanNeed[];
  readonly pledges: PlanPledge[];
  /** `pledgesOfNeed[needStart[n] .. needStart[n + 1])` are the pledge indices compatible with need n. */
  readonly needStart: Int32Array;
  readonly pledgesOfNeed: Int32Array;
}

export function indexPlanInput(
  needs: readonly PlanNeed[],
  pledges: readonly PlanPledge[],
  arcs: readonly PlanArc[],
): IndexedPlanInput {
  const sortedNeeds = sortById(needs, 'need');
  const sortedPledges = sortById(pledges, 'pledge');
  const needIndex = indexOf(sortedNeeds);
  const pledgeIndex = indexOf(sortedPledges);

  const arcNeed = new Int32Array(arcs.length);
  const arcPledge = new Int32Array(arcs.length);
  const degree = new Int32Array(sortedNeeds.length + 1);
  // Callers list arcs pledge by pledge (or need by need), so remembering the last lookup skips half the hashing.
  let lastPledgeId: string | undefined;
  let lastPledge: number | undefined;
  for (let a = 0; a < arcs.length; a++) {
    const n = needIndex.get(arcs[a].needId);
    if (arcs[a].pledgeId !== lastPledgeId) {
      lastPledgeId = arcs[a].pledgeId;
      lastPledge = pledgeIndex.get(lastPledgeId);
    }
    const p = lastPledge;
    if (n === undefined || p === undefined) {
      throw new RangeError(`arc ${arcs[a].pledgeId} → ${arcs[a].needId} names an unknown need or pledge`);
    }
    arcNeed[a] = n;
    arcPledge[a] = sortedPledges[p].remaining > 0n ? p : -1;
    if (arcPledge[a] >= 0) degree[n + 1]++;
  }
  for (let n = 0; n < sortedNeeds.length; n++) degree[n + 1] += degree[n];
  const fill = degree.slice(0, sortedNeeds.length);
  const targets = new Int32Array(degree[sortedNeeds.length]);
  for (let a = 0; a < arcs.length; a++) if (arcPledge[a] >= 0) targets[fill[arcNeed[a]]++] = arcPledge[a];

  // Sort each list and squeeze out repeated arcs in place.
  const needStart = new Int32Array(sortedNeeds.length + 1);
  let write = 0;
  for (let n = 0; n < sortedNeeds.length; n++) {
    const list = targets.subarray(degree[n], degree[n + 1]).sort();
    needStart[n] = write;
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) targets[write++] = list[i];
  }
  needStart[sortedNeeds.length] = write;
  return { needs: sortedNeeds, pledges: sortedPledges, needStart, pledgesOfNeed: targets.subarray(0, write) };
}

function sortById<T extends { id: string; remaining: bigint }>(items: readonly T[], kind: string): T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i].id === sorted[i - 1].id) throw new RangeError(`duplicate ${kind} id ${sorted[i].id}`);
    if (sorted[i].remaining < 0n) throw new RangeError(`${kind} ${sorted[i].id} has a negative remaining amount`);
  }
  return sorted;
}

function indexOf(items: readonly { id: string }[]): Map<string, number> {
  return new Map(items.map((item, index) => [item.id, index]));
}
