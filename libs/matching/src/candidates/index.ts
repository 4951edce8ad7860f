export {
  compatible,
  MATCHABLE_NEED_STATUSES,
  MATCHABLE_PLEDGE_STATUSES,
  type MatchCompatibility,
  type MatchIncompatibility,
  type MatchIncompatibilityReason,
} from './compatible';
export { deliveryPairKey, type MatchableNeed, type MatchablePledge, type MatchContext } from './matchable.types';
export { DEFAULT_CANDIDATE_LIMIT, rankNeedsForPledge, rankPledgesForNeed, type RankedCandidate } from './rank';
export {
  PRIORITY_VALUES,
  SCORE_WEIGHTS,
  scoreMatch,
  URGENCY_HALF_LIFE_DAYS,
  type MatchScore,
  type ScoreComponent,
  type ScoreReason,
} from './score';
