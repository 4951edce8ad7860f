/**
 * Exact decimal arithmetic on bigints: a decimal is `digits / 10^scale`. No floating point is ever involved,
 * so stored amounts and rates read back to the same value on every machine.
 */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

const decimalText = /^(-?)(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): Decimal | undefined {
  const match = decimalText.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  const digits = BigInt(`${match[1]}${match[2]}${fraction}`);
  return { digits, scale: fraction.length };
}

export function formatDecimal(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const magnitude = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - scale);
  const fraction = scale > 0 ? `.${magnitude.slice(magnitude.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export const pow10 = (exponent: number): bigint => 10n ** BigInt(exponent);

/**
 * numerator / denominator rounded half to even (banker's rounding): ties go to the even neighbour, so rounding
 * errors do not drift in one direction when many converted amounts are summed in a report.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** numerator / denominator as a decimal text with `significant` significant digits, rounded half to even. */
export function significantDecimal(numerator: bigint, denominator: bigint, significant: number): string {
  if (numerator <= 0n || denominator <= 0n) throw new RangeError('a rate must be positive');
  const integerDigits = (numerator / denominator).toString().length;
  const leadingZeros = numerator >= denominator ? 0 : fractionLeadingZeros(numerator, denominator);
  const scale = numerator >= denominator ? Math.max(0, significant - integerDigits) : significant + leadingZeros;
  const digits = divideHalfEven(numerator * pow10(scale), denominator);
  return trimZeros(formatDecimal(digits, scale));
}

function fractionLeadingZeros(numerator: bigint, denominator: bigint): number {
  let zeros = 0;
  let scaled = numerator * 10n;
  while (scaled < denominator) {
    scaled *= 10n;
    zeros += 1;
  }
  return zeros;
}

const trimZeros = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
