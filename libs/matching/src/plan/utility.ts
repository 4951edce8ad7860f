import {
  DEFAULT_PRIORITY_WEIGHTS,
  DEFAULT_SEGMENTS,
  PRIORITIES,
  PlanOptions,
  Priority,
  UtilitySegment,
} from './plan.types';

/** Shares are applied in parts per million so that segment boundaries are exact integers of the amount. */
const PPM = 1_000_000n;

/** The validated utility: per priority weight, and the concave segments of every need. */
export interface Utility {
  readonly weights: Readonly<Record<Priority, number>>;
  readonly segments: readonly UtilitySegment[];
  readonly upToPpm: readonly bigint[];
}

export function resolveUtility(options: PlanOptions = {}): Utility {
  const weights = options.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS;
  const segments = options.segments ?? DEFAULT_SEGMENTS;
  for (const priority of PRIORITIES) {
    const weight = weights[priority];
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`priority weight of ${priority} must be ≥ 0`);
  }
  if (segments.length === 0) throw new RangeError('at least one utility segment is required');
  const upToPpm = segments.map((segment, index) => {
    const previous = index === 0 ? undefined : segments[index - 1];
    if (!(segment.upTo > (previous?.upTo ?? 0) && segment.upTo <= 1)) {
      throw new RangeError('segment shares must increase within (0, 1]');
    }
    // Concavity is what makes filling the most valuable segments first optimal; a convex piece would not be.
    if (!(segment.marginal > 0 && segment.marginal < (previous?.marginal ?? Infinity))) {
      throw new RangeError('segment marginals must be positive and strictly decreasing');
    }
    return BigInt(Math.round(segment.upTo * 1e6));
  });
  if (upToPpm[upToPpm.length - 1] !== PPM) throw new RangeError('the last segment must end at share 1');
  return { weights, segments, upToPpm };
}

/** How much of `remaining` each segment covers; the pieces sum to `remaining` exactly. */
export function segmentAmounts(remaining: bigint, utility: Utility): bigint[] {
  let lower = 0n;
  return utility.upToPpm.map((ppm) => {
    const upper = ppm === PPM ? remaining : (remaining * ppm) / PPM;
    const amount = upper - lower;
    lower = upper;
    return amount;
  });
}

/** The objective contribution of planning `planned` of a need that asked for `remaining`. */
export function needValue(priority: Priority, remaining: bigint, planned: bigint, utility: Utility): number {
  const weight = utility.weights[priority];
  let left = planned < remaining ? planned : remaining;
  let value = 0;
  segmentAmounts(remaining, utility).forEach((amount, index) => {
    const used = left < amount ? left : amount;
    value += Number(used) * utility.segments[index].marginal;
    left -= used;
  });
  return weight * value;
}
