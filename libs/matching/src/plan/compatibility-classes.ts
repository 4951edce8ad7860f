import { IndexedPlanInput } from './plan-input';

/**
 * Needs with the same set of compatible pledges are interchangeable for the flow, and so are pledges with the same set
 * of compatible needs (in practice: same assistance type, pillar, category, unit family and target). Each such class
 * becomes one node; between a pledge class and a need class either every pair is compatible or none is, so any flow
 * between classes can be split over their members afterwards. This shrinks 10k × 10k inputs to a few hundred nodes.
 */
export interface CompatibilityClasses {
  /** Class of each need, or -1 when it has no compatible pledge. */
  readonly needClassOf: Int32Array;
  readonly needClassCount: number;
  readonly pledgeClassOf: Int32Array;
  readonly pledgeClassCount: number;
  /** `needClassesOfPledgeClass[start[c] .. start[c + 1])`: the need classes compatible with pledge class c, ascending. */
  readonly pledgeClassStart: Int32Array;
  readonly needClassesOfPledgeClass: Int32Array;
}

export function compatibilityClasses(input: IndexedPlanInput): CompatibilityClasses {
  const needs = groupByNeighbourhood(input.needStart, input.pledgesOfNeed);

  // A pledge's neighbourhood is a union of whole need classes, so listing the classes of one representative need per
  // class is enough; visiting classes in ascending order leaves every pledge's list sorted and free of repeats.
  const pledgeCount = input.pledges.length;
  const degree = new Int32Array(pledgeCount + 1);
  const forEachRepresentativeArc = (visit: (needClass: number, pledge: number) => void) => {
    needs.representatives.forEach((need, needClass) => {
      for (let i = input.needStart[need]; i < input.needStart[need + 1]; i++) visit(needClass, input.pledgesOfNeed[i]);
    });
  };
  forEachRepresentativeArc((_, pledge) => degree[pledge + 1]++);
  for (let p = 0; p < pledgeCount; p++) degree[p + 1] += degree[p];
  const classesOfPledge = new Int32Array(degree[pledgeCount]);
  const fill = degree.slice(0, pledgeCount);
  forEachRepresentativeArc((needClass, pledge) => (classesOfPledge[fill[pledge]++] = needClass));

  const pledges = groupByNeighbourhood(degree, classesOfPledge);
  const pledgeClassStart = new Int32Array(pledges.representatives.length + 1);
  const lists = pledges.representatives.map((p) => classesOfPledge.subarray(degree[p], degree[p + 1]));
  lists.forEach((list, c) => (pledgeClassStart[c + 1] = pledgeClassStart[c] + list.length));
  const needClassesOfPledgeClass = new Int32Array(pledgeClassStart[lists.length]);
  lists.forEach((list, c) => needClassesOfPledgeClass.set(list, pledgeClassStart[c]));

  return {
    needClassOf: needs.classOf,
    needClassCount: needs.representatives.length,
    pledgeClassOf: pledges.classOf,
    pledgeClassCount: pledges.representatives.length,
    pledgeClassStart,
    needClassesOfPledgeClass,
  };
}

/** Numbers classes in order of their first member, so the numbering follows the id order of the members. */
function groupByNeighbourhood(start: Int32Array, targets: Int32Array) {
  const count = start.length - 1;
  const classOf = new Int32Array(count).fill(-1);
  const representatives: number[] = [];
  const byHash = new Map<string, number[]>();
  for (let node = 0; node < count; node++) {
    if (start[node] === start[node + 1]) continue;
    const key = hashList(targets, start[node], start[node + 1]);
    const candidates = byHash.get(key);
    const match = candidates?.find((c) => sameList(targets, start, representatives[c], node));
    if (match !== undefined) {
      classOf[node] = match;
      continue;
    }
    classOf[node] = representatives.length;
    if (candidates) candidates.push(representatives.length);
    else byHash.set(key, [representatives.length]);
    representatives.push(node);
  }
  return { classOf, representatives };
}

function hashList(values: Int32Array, from: number, to: number): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = from; i < to; i++) {
    h1 = Math.imul(h1 ^ values[i], 0x01000193);
    h2 = Math.imul(h2 + values[i], 0x5bd1e995) ^ (h2 >>> 13);
  }
  return `${to - from}:${h1 >>> 0}:${h2 >>> 0}`;
}

function sameList(values: Int32Array, start: Int32Array, a: number, b: number): boolean {
  const length = start[a + 1] - start[a];
  if (length !== start[b + 1] - start[b]) return false;
  for (let i = 0; i < length; i++) if (values[start[a] + i] !== values[start[b] + i]) return false;
  return true;
}
