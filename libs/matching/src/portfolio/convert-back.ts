import { fromMinor, usdValueOf, type ExchangeRateUsed, type Quantity } from '@cm/domain';
import { largestConvertibleWithin, minorRate } from '../candidates/conversion';
import type { MatchableNeed, MatchablePledge } from '../candidates/matchable.types';
import type { Planned } from './plan-input';
import { fromValue, toValue } from './value-units';

/** One planned allocation in the terms an allocation command takes. */
export interface PortfolioAllocation {
  readonly needId: string;
  readonly pledgeId: string;
  /** What to propose: the allocation's amount, in the pledge's unit. */
  readonly amountInPledgeUnit: Quantity;
  /** What the allocation will record for the need: `amountInPledgeUnit` converted as the domain converts it. */
  readonly amountInNeedUnit: Quantity;
  /** For money: the USD figure at the reference rate of `now`. */
  readonly valueUsd?: Quantity;
  /** The pledge → need rate, when the two count in different currencies. */
  readonly conversion?: ExchangeRateUsed;
}

export interface ConvertedAllocation extends PortfolioAllocation {
  /** `amountInNeedUnit` in minor units. */
  readonly needMinor: bigint;
  /** `amountInNeedUnit` in the plan's value unit, rounded down: what the need's coverage counts. */
  readonly needValue: bigint;
}

/**
 * Turns a planned value back into amounts in each side's own unit, rounding down on both sides. Each side gets at most
 * `fromValue(value)` of its unit; summed over its allocations that stays within its remaining, since the values sum to
 * at most the rounded-down value of that remaining. Between two currencies, the pledge amount is then the largest whose
 * conversion — half to even, exactly as the allocation will record it — fits the need's share. Returns undefined when
 * rounding leaves nothing on either side.
 */
export function convertBack(
  need: Planned<MatchableNeed>,
  pledge: Planned<MatchablePledge>,
  value: bigint,
  now: string,
): ConvertedAllocation | undefined {
  const [needUnit, pledgeUnit] = [need.item.remaining.unit, pledge.item.remaining.unit];
  const pledgeShare = fromValue(value, pledge.value);
  const needShare = fromValue(value, need.value);
  const rate = pledgeUnit === needUnit ? undefined : minorRate(pledgeUnit, needUnit, now);
  if (pledgeUnit !== needUnit && !rate) throw new Error(`no reference rate from ${pledgeUnit} to ${needUnit}`);
  const [pledgeAmount, needAmount] = rate
    ? largestConvertibleWithin(pledgeShare, needShare, rate)
    : [min(pledgeShare, needShare), min(pledgeShare, needShare)];
  if (pledgeAmount <= 0n || needAmount <= 0n) return undefined;
  const amountInPledgeUnit = fromMinor(pledgeAmount, pledgeUnit);
  return {
    needId: need.item.id,
    pledgeId: pledge.item.id,
    amountInPledgeUnit,
    amountInNeedUnit: fromMinor(needAmount, needUnit),
    ...(pledge.value.rate && { valueUsd: usdValueOf(amountInPledgeUnit, now).quantity }),
    ...(rate && { conversion: rate.used }),
    needMinor: needAmount,
    needValue: toValue(needAmount, need.value),
  };
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
