import { DomainError, isCurrency, sumOf, usdValueOf, type Quantity } from '@cm/domain';

/** The USD figure at the reference rate of the effective date, or undefined for goods, expertise or an unknown rate. */
export function usdOf(quantity: Quantity, onDate: string): string | undefined {
  if (!isCurrency(quantity.unit)) return undefined;
  try {
    return usdValueOf(quantity, onDate).quantity.amount;
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** Exact sums of decimal strings per unit, with the domain's arithmetic. */
export function sumByUnit(amounts: readonly Quantity[]): Record<string, string> {
  const units = [...new Set(amounts.map((q) => q.unit))].sort();
  return Object.fromEntries(
    units.map((unit) => [
      unit,
      sumOf(
        unit,
        amounts.filter((q) => q.unit === unit),
      ).amount,
    ]),
  );
}

export const usdSum = (amounts: readonly (string | undefined)[]): string =>
  sumOf(
    'USD',
    amounts.filter((a): a is string => a !== undefined).map((amount) => ({ amount, unit: 'USD' })),
  ).amount;
