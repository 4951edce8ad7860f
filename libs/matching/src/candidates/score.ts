import { instantOf, type Priority } from '@cm/domain';
import { assess, type Assessment } from './compatible';
import { deliveryPairKey, type MatchableNeed, type MatchablePledge, type MatchContext } from './matchable.types';

export type ScoreComponent =
  'priority' | 'coverable_share' | 'urgency' | 'targeted' | 'former_user_link' | 'prior_deliveries';

/** One term of the score: `value` in [0, 1], contributing `value × weight`. */
export interface ScoreReason {
  readonly component: ScoreComponent;
  readonly value: number;
  readonly weight: number;
  readonly detail: string;
}

export interface MatchScore {
  /** Σ value × weight over the components, in [0, 100], rounded to 6 decimals so that equal scores compare equal. */
  readonly score: number;
  /** Every component, in the order of SCORE_WEIGHTS, including those worth 0 here. */
  readonly reasons: readonly ScoreReason[];
}

/**
 * The weights sum to 100, so a score reads as points out of 100.
 * - priority 30: the affected state's own ranking is the strongest signal, as in the plan's objective.
 * - coverable_share 25: a pledge that closes a need, rather than chipping at it, means fewer allocations to accept,
 *   deliver and confirm, and leaves other pledges free for other needs.
 * - urgency 15: a need with a near `neededBy` loses value if served late; weaker than priority so that a low-priority
 *   need due tomorrow does not pass a critical one without a date.
 * - targeted 10: the donor named this recipient, and a targeted pledge cannot serve anyone else, so using it here
 *   costs no other need anything.
 * - former_user_link 10: Art. 4(4) strongly encourages a former user to assist the state where it used cluster
 *   munitions; a nudge, not an override of need.
 * - prior_deliveries 10: confirmed deliveries between the pair show a working channel (customs, contacts, reporting),
 *   which lowers delivery risk; kept small and saturating so that incumbents do not lock out new donors.
 */
export const SCORE_WEIGHTS: Readonly<Record<ScoreComponent, number>> = {
  priority: 30,
  coverable_share: 25,
  urgency: 15,
  targeted: 10,
  former_user_link: 10,
  prior_deliveries: 10,
};

/** The plan's 8 : 4 : 2 : 1 priority weights divided by 8, so candidates and plan rank priorities alike. */
export const PRIORITY_VALUES: Readonly<Record<Priority, number>> = { critical: 1, high: 0.5, medium: 0.25, low: 0.125 };

/** A need due this many days from now is half as urgent as one due today. */
export const URGENCY_HALF_LIFE_DAYS = 30;

const DAY_MS = 86_400_000;
const PPM = 1_000_000n;

/** Scores a pair on the components of DESIGN §7; an incompatible pair scores 0 on coverable share. */
export function scoreMatch(need: MatchableNeed, pledge: MatchablePledge, context: MatchContext): MatchScore {
  return explainScore({ need, pledge, context, assessment: assess(need, pledge, context) });
}

/** A pair being scored, with its compatibility already assessed. */
export interface ScoredPair {
  readonly need: MatchableNeed;
  readonly pledge: MatchablePledge;
  readonly context: MatchContext;
  readonly assessment: Assessment;
}

interface Component {
  readonly value: (pair: ScoredPair) => number;
  readonly detail: (pair: ScoredPair, value: number) => string;
}

/** The score alone: ranking computes it for every candidate and explains only the ones it returns. */
export function scoreOf(pair: ScoredPair): number {
  let score = 0;
  for (const component of COMPONENT_ORDER) score += COMPONENTS[component].value(pair) * SCORE_WEIGHTS[component];
  return Math.round(score * 1e6) / 1e6;
}

export function explainScore(pair: ScoredPair): MatchScore {
  const reasons = COMPONENT_ORDER.map((component) => {
    const value = COMPONENTS[component].value(pair);
    return { component, value, weight: SCORE_WEIGHTS[component], detail: COMPONENTS[component].detail(pair, value) };
  });
  return { score: scoreOf(pair), reasons };
}

const COMPONENTS: Readonly<Record<ScoreComponent, Component>> = {
  priority: {
    value: ({ need }) => PRIORITY_VALUES[need.priority],
    detail: ({ need }) => `need priority ${need.priority}`,
  },
  coverable_share: {
    value: ({ assessment: a }) => (a.ok ? Number((a.coverableInNeedUnit * PPM) / a.needRemaining) / 1e6 : 0),
    detail: ({ need, assessment }, share) =>
      assessment.ok
        ? `covers ${Math.round(share * 1000) / 10} % of the ${need.remaining.amount} ${need.remaining.unit} left`
        : 'the pledge cannot be allocated to this need',
  },
  urgency: {
    value: ({ need, context }) => {
      if (need.neededBy === undefined) return 0;
      return URGENCY_HALF_LIFE_DAYS / (URGENCY_HALF_LIFE_DAYS + daysUntil(need.neededBy, context.now));
    },
    detail: ({ need, context }) => {
      if (need.neededBy === undefined) return 'no date set for when the need must be met';
      const days = daysUntil(need.neededBy, context.now);
      return `needed by ${need.neededBy}: ${days === 0 ? 'due now or overdue' : `due in ${Math.ceil(days)} days`}`;
    },
  },
  targeted: {
    value: ({ need, pledge }) => (pledge.recipientId === need.requesterId ? 1 : 0),
    detail: ({ need }, value) =>
      value ? `the pledge is targeted at ${need.requesterId}` : 'the pledge is open to any recipient',
  },
  former_user_link: {
    value: ({ need, pledge, context }) => (context.formerUserLinks[pledge.donorId]?.includes(need.requesterId) ? 1 : 0),
    detail: ({ need, pledge }, value) =>
      value
        ? `Art. 4(4): ${pledge.donorId} used cluster munitions in ${need.requesterId}`
        : `no Art. 4(4) link from ${pledge.donorId} to ${need.requesterId}`,
  },
  // n / (n + 1): the first confirmed delivery counts most, later ones less and less.
  prior_deliveries: {
    value: (pair) => {
      const count = deliveriesBetween(pair);
      return count / (count + 1);
    },
    detail: (pair) => {
      const count = deliveriesBetween(pair);
      return `${count} confirmed deliver${count === 1 ? 'y' : 'ies'} from ${pair.pledge.donorId} to ${pair.need.requesterId}`;
    },
  },
};

const COMPONENT_ORDER = Object.keys(SCORE_WEIGHTS) as ScoreComponent[];

/** Days from now until the date, 0 when it has passed. */
const daysUntil = (date: string, now: string): number => Math.max(0, (instantOf(date) - instantOf(now)) / DAY_MS);

const deliveriesBetween = ({ need, pledge, context }: ScoredPair): number =>
  context.confirmedDeliveries[deliveryPairKey(pledge.donorId, need.requesterId)] ?? 0;
