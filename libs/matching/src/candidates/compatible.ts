import {
  compatibilityOf,
  fromMinor,
  isCurrency,
  minorOf,
  yearOf,
  type ExchangeRateUsed,
  type IncompatibilityReason,
  type NeedStatus,
  type PledgeStatus,
  type Quantity,
} from '@cm/domain';
import { largestConvertibleWithin, minorRate, type MinorRate } from './conversion';
import { hasLapsed } from './lapsed';
import type { MatchableNeed, MatchablePledge, MatchContext } from './matchable.types';

/** Statuses in which a need can still receive: a partly delivered need may not be fully allocated yet. */
export const MATCHABLE_NEED_STATUSES: readonly NeedStatus[] = ['open', 'partially_allocated', 'partially_delivered'];
/** Statuses in which a pledge can still give; `allocated` has nothing left and the rest are closed. */
export const MATCHABLE_PLEDGE_STATUSES: readonly PledgeStatus[] = ['open', 'partially_allocated'];

export type MatchIncompatibilityReason =
  | IncompatibilityReason
  | 'need_not_open'
  | 'need_nothing_left'
  | 'pledge_not_open'
  | 'pledge_nothing_left'
  | 'pledge_lapsed'
  | 'nothing_coverable';

export interface MatchIncompatibility {
  readonly reason: MatchIncompatibilityReason;
  readonly detail: string;
}

export type MatchCompatibility =
  | {
      readonly ok: true;
      /** What an allocation of `coverableInPledgeUnit` would record for the need: never more than it has left. */
      readonly coverableInNeedUnit: Quantity;
      /** The most of the pledge that one allocation to this need could take. */
      readonly coverableInPledgeUnit: Quantity;
      /** The reference rate used when the two sides count in different currencies. */
      readonly conversion?: ExchangeRateUsed;
    }
  | { readonly ok: false; readonly reasons: readonly MatchIncompatibility[] };

/** The same verdict in minor units, for callers that go on computing with the amounts. */
export type Assessment =
  | {
      readonly ok: true;
      readonly needRemaining: bigint;
      readonly pledgeRemaining: bigint;
      readonly coverableInNeedUnit: bigint;
      readonly coverableInPledgeUnit: bigint;
      readonly rate?: MinorRate;
    }
  | { readonly ok: false; readonly reasons: readonly MatchIncompatibility[] };

/**
 * Whether the pledge could be allocated to the need now, and how much of it: the domain's allocation compatibility
 * (DESIGN §2, every failing rule reported) plus what the write side would refuse at allocation time — a closed or
 * exhausted side, a lapsed pledge, a date without a reference rate — and an amount that converts to nothing.
 */
export function compatible(need: MatchableNeed, pledge: MatchablePledge, context: MatchContext): MatchCompatibility {
  const assessment = assess(need, pledge, context);
  if (!assessment.ok) return assessment;
  return {
    ok: true,
    coverableInNeedUnit: fromMinor(assessment.coverableInNeedUnit, need.remaining.unit),
    coverableInPledgeUnit: fromMinor(assessment.coverableInPledgeUnit, pledge.remaining.unit),
    ...(assessment.rate && { conversion: assessment.rate.used }),
  };
}

export function assess(need: MatchableNeed, pledge: MatchablePledge, context: MatchContext): Assessment {
  const reasons: MatchIncompatibility[] = [];
  const fail = (reason: MatchIncompatibilityReason, detail: string) => reasons.push({ reason, detail });
  const needRemaining = minorOf(need.remaining);
  const pledgeRemaining = minorOf(pledge.remaining);
  if (!MATCHABLE_NEED_STATUSES.includes(need.status)) fail('need_not_open', `need ${need.id} is ${need.status}`);
  else if (needRemaining <= 0n) fail('need_nothing_left', `need ${need.id} has nothing left to receive`);
  if (!MATCHABLE_PLEDGE_STATUSES.includes(pledge.status)) {
    fail('pledge_not_open', `pledge ${pledge.id} is ${pledge.status}`);
  } else if (pledgeRemaining <= 0n) fail('pledge_nothing_left', `pledge ${pledge.id} has nothing left to give`);
  if (pledge.validUntil !== undefined && hasLapsed(pledge.validUntil, context.now)) {
    fail('pledge_lapsed', `pledge ${pledge.id} was valid until ${pledge.validUntil}`);
  }

  // Terms built field by field: spreading the matchables would copy every field and costs far more per pair.
  const terms = compatibilityOf(
    {
      pledgeId: pledge.id,
      donorId: pledge.donorId,
      assistanceType: pledge.assistanceType,
      pillars: pledge.pillars,
      category: pledge.category,
      unit: pledge.remaining.unit,
      recipientId: pledge.recipientId,
    },
    {
      needId: need.id,
      requesterId: need.requesterId,
      assistanceType: need.assistanceType,
      pillar: need.pillar,
      category: need.category,
      unit: need.remaining.unit,
    },
  );
  if (!terms.compatible) reasons.push(...terms.incompatibilities);
  const rate =
    terms.compatible && terms.needsConversion
      ? minorRate(pledge.remaining.unit, need.remaining.unit, context.now)
      : undefined;
  if (terms.compatible && terms.needsConversion && !rate) {
    fail('no_reference_rate', `no reference rate for ${yearOf(context.now)}`);
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const [coverableInPledgeUnit, coverableInNeedUnit] = rate
    ? largestConvertibleWithin(pledgeRemaining, needRemaining, rate)
    : [min(pledgeRemaining, needRemaining), min(pledgeRemaining, needRemaining)];
  if (coverableInNeedUnit <= 0n) {
    const detail = `no part of ${pledge.remaining.amount} ${pledge.remaining.unit} converts to between one minor unit and the ${need.remaining.amount} ${need.remaining.unit} left`;
    return { ok: false, reasons: [{ reason: 'nothing_coverable', detail }] };
  }
  return {
    ok: true,
    needRemaining,
    pledgeRemaining,
    coverableInNeedUnit,
    coverableInPledgeUnit,
    ...(rate && { rate }),
  };
}

/**
 * A necessary condition for `assess(...).ok`, cheap enough to run over every open item of a candidate query: it
 * rejects on the terms that rule out most pairs, without parsing amounts or dates or building explanations.
 */
export function mayBeCompatible(need: MatchableNeed, pledge: MatchablePledge): boolean {
  if (pledge.assistanceType !== need.assistanceType || !pledge.pillars.includes(need.pillar)) return false;
  if (need.assistanceType !== 'financial' && pledge.category !== need.category) return false;
  if (pledge.recipientId !== undefined && pledge.recipientId !== need.requesterId) return false;
  const [pledgeUnit, needUnit] = [pledge.remaining.unit, need.remaining.unit];
  return pledgeUnit === needUnit || (isCurrency(pledgeUnit) && isCurrency(needUnit));
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
