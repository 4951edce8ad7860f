import { yearOf } from '../dates';
import { DomainError } from '../errors';
import { divideHalfEven, parseDecimal, pow10, significantDecimal } from '../quantity/decimal';
import { fromMinor, isCurrency, minorExponent, minorOf, type Quantity } from '../quantity/quantity';
import { referenceRates } from './reference-rates';

/** The rate used for a conversion, recorded with an allocation so that the figure can be audited later. */
export interface ExchangeRateUsed {
  /** Units of the target currency per one unit of the source currency, 10 significant digits. */
  readonly rate: string;
  /** The table period the rate comes from: the year, e.g. "2024". */
  readonly rateDate: string;
  readonly rateYear: number;
  /** The year of the effective date asked for; differs from rateYear when the table has no row for it yet. */
  readonly requestedYear: number;
  readonly lastYearFallback: boolean;
  readonly source: string;
}

export interface Conversion extends ExchangeRateUsed {
  readonly quantity: Quantity;
}

const rateSignificantDigits = 10;
const years = Object.keys(referenceRates.unitsPerUsd).map(Number);
const firstYear = Math.min(...years);
const lastYear = Math.max(...years);

const rowOf = (year: number): Readonly<Record<string, string>> =>
  (referenceRates.unitsPerUsd as Readonly<Record<string, Readonly<Record<string, string>>>>)[String(year)];

export const hasReferenceRate = (currency: string): boolean =>
  (referenceRates.currencies as readonly string[]).includes(currency);

/**
 * Converts a currency amount with the reference annual average of the effective date's year.
 * The cross rate is rounded to 10 significant digits and recorded; the converted amount is `amount × rate`
 * rounded half to even to the target's minor unit, so that anyone can recompute it from the recorded rate and
 * rounding errors do not all lean one way in summed reports. A date after the table's last year uses the last
 * year (and says so in `lastYearFallback`); a date before the first year has no rate.
 */
export function convert(quantity: Quantity, toCurrency: string, onDate: string): Conversion {
  if (!isCurrency(quantity.unit) || !isCurrency(toCurrency)) {
    throw new DomainError('UNIT_MISMATCH', `only currencies convert (${quantity.unit} to ${toCurrency})`);
  }
  const requestedYear = yearOf(onDate);
  const rateYear = Math.min(requestedYear, lastYear);
  const used = {
    rateDate: String(rateYear),
    rateYear,
    requestedYear,
    lastYearFallback: requestedYear > lastYear,
    source: referenceRates.source,
  };
  if (quantity.unit === toCurrency) return { quantity, rate: '1', ...used };
  if (requestedYear < firstYear) {
    throw new DomainError('FX_RATE_UNAVAILABLE', `no reference rate before ${firstYear} (asked for ${requestedYear})`);
  }
  for (const currency of [quantity.unit, toCurrency]) {
    if (!hasReferenceRate(currency)) throw new DomainError('FX_RATE_UNAVAILABLE', `no reference rate for ${currency}`);
  }
  const rate = crossRate(rowOf(rateYear), quantity.unit, toCurrency);
  return { quantity: applyRate(quantity, toCurrency, rate), rate, ...used };
}

/** Target units per source unit: (target per USD) / (source per USD). */
function crossRate(row: Readonly<Record<string, string>>, from: string, to: string): string {
  const source = parseDecimal(row[from]);
  const target = parseDecimal(row[to]);
  if (!source || !target) throw new DomainError('FX_RATE_UNAVAILABLE', `malformed reference rate for ${from}/${to}`);
  const numerator = target.digits * pow10(source.scale);
  const denominator = source.digits * pow10(target.scale);
  return significantDecimal(numerator, denominator, rateSignificantDigits);
}

export function applyRate(quantity: Quantity, toCurrency: string, rate: string): Quantity {
  const parsed = parseDecimal(rate);
  if (!parsed || parsed.digits <= 0n) throw new DomainError('INVALID_FIELD', `rate ${rate} is not a positive decimal`);
  const numerator = minorOf(quantity) * parsed.digits * pow10(minorExponent(toCurrency));
  const denominator = pow10(minorExponent(quantity.unit) + parsed.scale);
  return fromMinor(divideHalfEven(numerator, denominator), toCurrency);
}

/** The USD figure analysts report, at the reference rate of the effective date. */
export const usdValueOf = (quantity: Quantity, onDate: string): Conversion => convert(quantity, 'USD', onDate);
