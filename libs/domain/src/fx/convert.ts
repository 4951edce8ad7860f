import { yearOf } from '../dates';
import { DomainError } from '../errors';
import { divideHalfEven, parseDecimal, pow10, significantDecimal } from '../quantity/decimal';
import { fromMinor, isCurrency, minorExponent, minorOf, type Quantity } from '../quantity/quantity';
import {
  annualUsdRate,
  dailyUsdRate,
  describeSource,
  isPublishedCurrency,
  publishedRates,
  type RateBasis,
  type UsdRate,
} from './rate-lookup';

/** The rate used for a conversion, recorded with an allocation so that the figure can be audited later. */
export interface ExchangeRateUsed {
  /** Units of the target currency per one unit of the source currency, 10 significant digits. */
  readonly rate: string;
  /** The year ("2024") of an annual average, or the day (ISO date) of a daily rate. */
  readonly rateDate: string;
  readonly rateYear: number;
  /** The year of the effective date asked for; differs from rateYear when no source has that year complete yet. */
  readonly requestedYear: number;
  readonly lastYearFallback: boolean;
  readonly source: string;
  /** Absent on rates recorded before the published table replaced the hand-typed one. */
  readonly basis?: RateBasis;
  readonly table?: string;
}

export interface Conversion extends ExchangeRateUsed {
  readonly quantity: Quantity;
}

const rateSignificantDigits = 10;

export const hasReferenceRate = (currency: string): boolean => isPublishedCurrency(currency);

/** The published table's version: recorded with every rate so that a later table can be told apart. */
export const rateTableVersion = (): string => publishedRates.version;

/**
 * Converts a currency amount at the annual average of the effective date's year (the Monitor's practice) or, with
 * basis 'daily', at the rate published for that day. The cross rate is rounded to 10 significant digits and
 * recorded; the converted amount is `amount × rate` rounded half to even to the target's minor unit, so that anyone
 * can recompute it from the recorded rate. A year no source has complete yet uses the last complete year and says so
 * in `lastYearFallback`; a gap or a currency no source publishes is refused with FX_RATE_UNAVAILABLE, never guessed.
 */
export function convert(
  quantity: Quantity,
  toCurrency: string,
  onDate: string,
  basis: RateBasis = 'annual',
): Conversion {
  if (!isCurrency(quantity.unit) || !isCurrency(toCurrency)) {
    throw new DomainError('UNIT_MISMATCH', `only currencies convert (${quantity.unit} to ${toCurrency})`);
  }
  const requestedYear = yearOf(onDate);
  const rateOf = (currency: string): UsdRate & { fallbackFrom?: number } =>
    basis === 'daily' ? dailyUsdRate(currency, onDate) : annualUsdRate(currency, requestedYear);
  if (quantity.unit === toCurrency) {
    return {
      quantity,
      rate: '1',
      rateDate: basis === 'daily' ? onDate.slice(0, 10) : String(requestedYear),
      rateYear: requestedYear,
      requestedYear,
      lastYearFallback: false,
      source: 'same currency',
      basis,
      table: publishedRates.version,
    };
  }
  const from = rateOf(quantity.unit);
  const to = rateOf(toCurrency);
  // Target per source unit: (target per USD) / (source per USD), exact until the one rounding to 10 digits.
  const rate = significantDecimal(
    to.numerator * from.denominator,
    to.denominator * from.numerator,
    rateSignificantDigits,
  );
  const rateDate = from.sourceId === null ? to.rateDate : from.rateDate;
  const sources = [...new Set([from.sourceId, to.sourceId].filter((id) => id !== null))];
  return {
    quantity: applyRate(quantity, toCurrency, rate),
    rate,
    rateDate,
    rateYear: Number(rateDate.slice(0, 4)),
    requestedYear,
    lastYearFallback: from.fallbackFrom !== undefined || to.fallbackFrom !== undefined,
    source: sources.map(describeSource).join(' / '),
    basis,
    table: publishedRates.version,
  };
}

export function applyRate(quantity: Quantity, toCurrency: string, rate: string): Quantity {
  const parsed = parseDecimal(rate);
  if (!parsed || parsed.digits <= 0n) throw new DomainError('INVALID_FIELD', `rate ${rate} is not a positive decimal`);
  const numerator = minorOf(quantity) * parsed.digits * pow10(minorExponent(toCurrency));
  const denominator = pow10(minorExponent(quantity.unit) + parsed.scale);
  return fromMinor(divideHalfEven(numerator, denominator), toCurrency);
}

/** The USD figure analysts report, at the published rate of the effective date. */
export const usdValueOf = (quantity: Quantity, onDate: string, basis: RateBasis = 'annual'): Conversion =>
  convert(quantity, 'USD', onDate, basis);
