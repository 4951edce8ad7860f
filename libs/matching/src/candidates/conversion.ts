import {
  convert,
  divideHalfEven,
  DomainError,
  fromMinor,
  minorExponent,
  parseDecimal,
  yearOf,
  type ExchangeRateUsed,
} from '@cm/domain';

/**
 * A reference rate between the minor units of two currencies: `target = source × numerator / denominator` before
 * rounding, the same product the domain's `applyRate` forms, so amounts computed here are the amounts an allocation
 * of the same size will record.
 */
export interface MinorRate {
  readonly used: ExchangeRateUsed;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const pow10 = (exponent: number): bigint => 10n ** BigInt(exponent);

// Rates depend only on the two currencies and the year, and the table never changes at run time, so a candidate query
// over 10k pledges computes each cross rate once instead of once per pledge.
const memo = new Map<string, MinorRate | null>();

/** The reference rate the domain would record for converting `from` into `to` on `onDate`, or undefined if none. */
export function minorRate(from: string, to: string, onDate: string): MinorRate | undefined {
  const key = `${from}>${to}@${yearOf(onDate)}`;
  let rate = memo.get(key);
  if (rate === undefined) {
    rate = computeRate(from, to, onDate);
    memo.set(key, rate);
  }
  return rate ?? undefined;
}

function computeRate(from: string, to: string, onDate: string): MinorRate | null {
  try {
    const { quantity: _one, ...used } = convert(fromMinor(1n, from), to, onDate);
    const parsed = parseDecimal(used.rate);
    if (!parsed) return null;
    return {
      used,
      numerator: parsed.digits * pow10(minorExponent(to)),
      denominator: pow10(minorExponent(from) + parsed.scale),
    };
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'FX_RATE_UNAVAILABLE' || error.code === 'UNIT_MISMATCH')) {
      return null;
    }
    throw error;
  }
}

/** What the domain records as the converted amount: rounded half to even, like `applyRate`. */
export const convertMinor = (amount: bigint, rate: MinorRate): bigint =>
  divideHalfEven(amount * rate.numerator, rate.denominator);

/**
 * The largest source amount, at most `cap`, whose converted amount (rounded half to even, as the allocation will
 * record it) is at most `target`, with that converted amount. Rounding half to even can round up, so the plain inverse
 * may overshoot by one.
 */
export function largestConvertibleWithin(
  cap: bigint,
  target: bigint,
  rate: MinorRate,
): [source: bigint, target: bigint] {
  if (target < 0n || cap <= 0n) return [0n, 0n];
  const whole = convertMinor(cap, rate);
  if (whole <= target) return [cap, whole];
  // convertMinor(p) ≤ T  ⇔  2·p·num < (2T + 1)·den, or equal with T even (the tie rounds down to the even T).
  const bound = (2n * target + 1n) * rate.denominator;
  let amount = bound / (2n * rate.numerator);
  if (amount * 2n * rate.numerator === bound && target % 2n === 1n) amount -= 1n;
  let converted = convertMinor(amount, rate);
  while (amount > 0n && converted > target) converted = convertMinor(--amount, rate);
  return [amount, converted];
}
