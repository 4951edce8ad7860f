import { DomainError } from '../errors';
import { currencyExponents } from './currencies';
import { formatDecimal, parseDecimal, pow10 } from './decimal';

/**
 * An exact quantity as stored in events and state: `amount` is the canonical decimal text with exactly the unit's
 * minor-unit decimals ("1234.50" EUR, "100" JPY, "3.00" items), `unit` an ISO 4217 code or a lower-case unit word.
 * Plain strings keep stored events exact, readable and JSON-safe; arithmetic happens in bigint minor units.
 */
export interface Quantity {
  readonly amount: string;
  readonly unit: string;
}

/** A quantity as a client sends it: a JSON number or a decimal string, and a unit. */
export interface QuantityInput {
  readonly amount: number | string;
  readonly unit: string;
}

export interface QuantityRules {
  /** Field name reported in errors, e.g. `quantity` or `amount`. */
  readonly field?: string;
  readonly allowZero?: boolean;
  readonly allowNegative?: boolean;
}

const currencyLike = /^[A-Z]{3}$/;
const unitWord = /^[a-z][a-z_]{0,31}$/;
/** Material and technical units are counted to hundredths (half a training day, 2.5 kg). */
const unitWordExponent = 2;
const maxAmountText = 40;

export const isCurrency = (unit: string): boolean => currencyExponents.has(unit);

export function unitOf(value: unknown, field = 'unit'): string {
  if (typeof value === 'string' && currencyLike.test(value)) {
    if (isCurrency(value)) return value;
    throw new DomainError('UNKNOWN_CURRENCY', `${value} is not an ISO 4217 currency code`, field);
  }
  if (typeof value === 'string' && unitWord.test(value)) return value;
  throw new DomainError('INVALID_UNIT', 'a unit is an ISO 4217 code (EUR) or a lower-case unit word (kg)', field);
}

export const minorExponent = (unit: string): number => currencyExponents.get(unit) ?? unitWordExponent;

export function quantityOf(input: QuantityInput, rules: QuantityRules = {}): Quantity {
  const field = rules.field ?? 'quantity';
  if (typeof input !== 'object' || input === null) {
    throw new DomainError('INVALID_AMOUNT', `${field} must be {amount, unit}`, field);
  }
  const unit = unitOf(input.unit, `${field}.unit`);
  const minor = minorOfInput(input.amount, minorExponent(unit), `${field}.amount`);
  if (minor < 0n && !rules.allowNegative) {
    throw new DomainError('INVALID_AMOUNT', `${field} must not be negative`, `${field}.amount`);
  }
  if (minor === 0n && !rules.allowZero) {
    throw new DomainError('INVALID_AMOUNT', `${field} must be greater than zero`, `${field}.amount`);
  }
  return fromMinor(minor, unit);
}

function minorOfInput(amount: unknown, exponent: number, field: string): bigint {
  const text = amountText(amount, field);
  const decimal = text.length <= maxAmountText ? parseDecimal(text) : undefined;
  if (!decimal) throw new DomainError('INVALID_AMOUNT', `${field} must be a decimal number`, field);
  if (decimal.scale <= exponent) return decimal.digits * pow10(exponent - decimal.scale);
  // Trailing zeros beyond the minor unit ("1.500" EUR) lose nothing; any other extra decimal would be rounded away.
  const excess = pow10(decimal.scale - exponent);
  if (decimal.digits % excess !== 0n) {
    throw new DomainError('INVALID_AMOUNT', `${field} has more than ${exponent} decimals for this unit`, field);
  }
  return decimal.digits / excess;
}

function amountText(amount: unknown, field: string): string {
  if (typeof amount === 'string') return amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    throw new DomainError('INVALID_AMOUNT', `${field} must be a finite number`, field);
  }
  if (Math.abs(amount) > Number.MAX_SAFE_INTEGER) {
    throw new DomainError('INVALID_AMOUNT', `${field} is too large for a JSON number; send a decimal string`, field);
  }
  // The shortest round-trip text of a double is what the client wrote, for any amount it can write exactly.
  const text = String(amount);
  if (text.includes('e')) throw new DomainError('INVALID_AMOUNT', `${field} has too many decimals`, field);
  return text;
}

export function minorOf(quantity: Quantity): bigint {
  const decimal = parseDecimal(quantity.amount);
  const exponent = minorExponent(quantity.unit);
  if (!decimal || decimal.scale !== exponent) {
    throw new DomainError('INVALID_AMOUNT', `${quantity.amount} ${quantity.unit} is not a canonical amount`);
  }
  return decimal.digits;
}

export const fromMinor = (minor: bigint, unit: string): Quantity => ({
  amount: formatDecimal(minor, minorExponent(unit)),
  unit,
});

export const zeroOf = (unit: string): Quantity => fromMinor(0n, unit);

export function assertSameUnit(a: Quantity, b: Quantity, field?: string): void {
  if (a.unit !== b.unit) {
    throw new DomainError('UNIT_MISMATCH', `expected ${a.unit}, got ${b.unit}`, field);
  }
}

export function plus(a: Quantity, b: Quantity): Quantity {
  assertSameUnit(a, b);
  return fromMinor(minorOf(a) + minorOf(b), a.unit);
}

export function minus(a: Quantity, b: Quantity): Quantity {
  assertSameUnit(a, b);
  return fromMinor(minorOf(a) - minorOf(b), a.unit);
}

export function compare(a: Quantity, b: Quantity): -1 | 0 | 1 {
  assertSameUnit(a, b);
  const difference = minorOf(a) - minorOf(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

export const sumOf = (unit: string, quantities: readonly Quantity[]): Quantity => quantities.reduce(plus, zeroOf(unit));

export const isZero = (quantity: Quantity): boolean => minorOf(quantity) === 0n;

export const exceeds = (a: Quantity, b: Quantity): boolean => compare(a, b) > 0;

/** JSON-friendly number for reports and read models; exact for amounts up to 2^53 minor units. */
export const toNumber = (quantity: Quantity): number => Number(quantity.amount);
