import type { AssistanceType, Pillar, Quantity } from '@cm/domain';
import { sumByUnit, usdOf, usdSum } from '../money';
import type { NeedView } from '../needs/need-view';

/** One need's share of a coverage cell, in the need's unit (and USD for money, at the rate of the day it was posted). */
export interface NeedContribution {
  readonly version: number;
  readonly requested: Quantity;
  readonly allocated: Quantity;
  readonly delivered: Quantity;
  readonly usd?: { readonly requested?: string; readonly allocated?: string; readonly delivered?: string };
}

/**
 * Coverage of one recipient × pillar × assistance type. Each need writes only its own entry (guarded by the need's
 * version), so needs projected in any relative order, or twice, give the same document; totals are summed on read.
 */
export interface CoverageDoc {
  readonly _id: string;
  readonly recipientId: string;
  readonly pillar: Pillar;
  readonly assistanceType: AssistanceType;
  readonly contributions: Readonly<Record<string, NeedContribution>>;
}

export const coverageIdOf = (need: Pick<NeedView, 'requesterId' | 'pillar' | 'assistanceType'>): string =>
  `${need.requesterId}:${need.pillar}:${need.assistanceType}`;

export function contributionOf(need: NeedView): NeedContribution {
  // A withdrawn need no longer asks for anything beyond what it already received.
  const requested = need.status === 'withdrawn' ? need.delivered : need.quantity;
  const usd = {
    requested: usdOf(requested, need.postedAt),
    allocated: usdOf(need.allocated, need.postedAt),
    delivered: usdOf(need.delivered, need.postedAt),
  };
  return {
    version: need.version,
    requested,
    allocated: need.allocated,
    delivered: need.delivered,
    ...(usd.requested !== undefined && { usd }),
  };
}

/** The cell after the need's current state; unchanged when it already holds this need at this version or later. */
export function evolveCoverage(doc: CoverageDoc | null, need: NeedView): CoverageDoc {
  const known = doc?.contributions[need.id];
  if (doc && known && known.version >= need.version) return doc;
  return {
    _id: coverageIdOf(need),
    recipientId: need.requesterId,
    pillar: need.pillar,
    assistanceType: need.assistanceType,
    contributions: { ...doc?.contributions, [need.id]: contributionOf(need) },
  };
}

export interface CoverageTotals {
  recipientId: string;
  pillar: Pillar;
  assistanceType: AssistanceType;
  needs: number;
  /** Per unit, exact decimal strings. */
  requested: Record<string, string>;
  allocated: Record<string, string>;
  delivered: Record<string, string>;
  usd: { requested: string; allocated: string; delivered: string };
}

export function coverageTotalsOf(doc: CoverageDoc): CoverageTotals {
  const entries = Object.values(doc.contributions);
  return {
    recipientId: doc.recipientId,
    pillar: doc.pillar,
    assistanceType: doc.assistanceType,
    needs: entries.length,
    requested: sumByUnit(entries.map((e) => e.requested)),
    allocated: sumByUnit(entries.map((e) => e.allocated)),
    delivered: sumByUnit(entries.map((e) => e.delivered)),
    usd: {
      requested: usdSum(entries.map((e) => e.usd?.requested)),
      allocated: usdSum(entries.map((e) => e.usd?.allocated)),
      delivered: usdSum(entries.map((e) => e.usd?.delivered)),
    },
  };
}
