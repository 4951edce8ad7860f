import { isCurrency } from '@cm/domain';
import { minorRate, type MinorRate } from '../candidates/conversion';

/**
 * The unit a quantity is planned in, and the rate into it. Money with a reference rate for `now` is planned in US
 * cents, so that a euro and a krone pledge compete for the same dollar-valued needs; any other unit (goods, expert
 * days, a currency without a reference rate) is planned in its own minor units and only meets its own unit.
 */
export interface ValueUnit {
  readonly unit: string;
  /** Into the value unit's minor units; undefined when the quantity already counts in them. */
  readonly rate?: MinorRate;
}

export function valueUnitOf(unit: string, now: string): ValueUnit {
  const rate = isCurrency(unit) ? minorRate(unit, 'USD', now) : undefined;
  return rate ? { unit: 'USD', rate } : { unit };
}

/** Rounded down, so that the value never promises more than the quantity holds. */
export const toValue = (amount: bigint, valueUnit: ValueUnit): bigint =>
  valueUnit.rate ? (amount * valueUnit.rate.numerator) / valueUnit.rate.denominator : amount;

/**
 * The most of the original unit that a value pays for: the largest amount whose exact (unrounded) value is at most
 * `value`. Summed over a side's allocations this stays within its remaining, because those values sum to at most the
 * rounded-down value of the remaining.
 */
export const fromValue = (value: bigint, valueUnit: ValueUnit): bigint =>
  valueUnit.rate ? (value * valueUnit.rate.denominator) / valueUnit.rate.numerator : value;
