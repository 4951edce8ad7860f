import { fromMinor, type ExchangeRateUsed, type Quantity } from '@cm/domain';
import { assess, mayBeCompatible } from './compatible';
import type { MatchableNeed, MatchablePledge, MatchContext } from './matchable.types';
import { explainScore, scoreOf, type ScoredPair, type ScoreReason } from './score';

/** A compatible counterpart, with why it ranks where it does and how much could be allocated. */
export interface RankedCandidate {
  /** The pledge id when ranking pledges for a need, the need id when ranking needs for a pledge. */
  readonly id: string;
  readonly score: number;
  readonly reasons: readonly ScoreReason[];
  /** The most that one allocation of this pair could carry, in the pledge's unit. */
  readonly amount: Quantity;
  /** What `amount` counts for in the need's unit, as the allocation would record it. */
  readonly needAmount: Quantity;
  readonly conversion?: ExchangeRateUsed;
}

export const DEFAULT_CANDIDATE_LIMIT = 20;

/** The pledges that could serve the need now, best first; equal scores in pledge id order. */
export function rankPledgesForNeed(
  need: MatchableNeed,
  pledges: readonly MatchablePledge[],
  context: MatchContext,
  limit = DEFAULT_CANDIDATE_LIMIT,
): RankedCandidate[] {
  const pairs = pledges.filter((pledge) => mayBeCompatible(need, pledge)).map((pledge) => ({ need, pledge, context }));
  return best(pairs, (pair) => pair.pledge.id, limit);
}

/** The needs the pledge could serve now, best first; equal scores in need id order. */
export function rankNeedsForPledge(
  pledge: MatchablePledge,
  needs: readonly MatchableNeed[],
  context: MatchContext,
  limit = DEFAULT_CANDIDATE_LIMIT,
): RankedCandidate[] {
  const pairs = needs.filter((need) => mayBeCompatible(need, pledge)).map((need) => ({ need, pledge, context }));
  return best(pairs, (pair) => pair.need.id, limit);
}

type Pair = Omit<ScoredPair, 'assessment'>;

/** Scores every compatible pair, then explains only the `limit` best: explanations cost more than scores. */
function best(pairs: readonly Pair[], idOf: (pair: Pair) => string, limit: number): RankedCandidate[] {
  const scored: { id: string; score: number; pair: ScoredPair & { assessment: { ok: true } } }[] = [];
  for (const pair of pairs) {
    const assessment = assess(pair.need, pair.pledge, pair.context);
    if (!assessment.ok) continue;
    const assessed = { need: pair.need, pledge: pair.pledge, context: pair.context, assessment };
    scored.push({ id: idOf(pair), score: scoreOf(assessed), pair: assessed });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, Math.max(0, limit)).map(({ id, pair }) => {
    const { assessment, need, pledge } = pair;
    return {
      id,
      ...explainScore(pair),
      amount: fromMinor(assessment.coverableInPledgeUnit, pledge.remaining.unit),
      needAmount: fromMinor(assessment.coverableInNeedUnit, need.remaining.unit),
      ...(assessment.rate && { conversion: assessment.rate.used }),
    };
  });
}
