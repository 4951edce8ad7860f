import { Money } from './iati-input';

/**
 * Each recipient's share of the committed money in percent with two decimals, adding up to exactly 100 (IATI's rule
 * for recipient-country percentages). Exact: amounts are compared in minor units, the rounding remainder goes to
 * the largest fractions (ties by recipient id), so the same data always gives the same file.
 */
export function sharesOf(amounts: readonly { recipientId: string; amount: Money }[]): Map<string, string> {
  const totals = new Map<string, bigint>();
  for (const { recipientId, amount } of amounts) {
    totals.set(recipientId, (totals.get(recipientId) ?? 0n) + minorUnitsOf(amount.amount));
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0n);
  if (sum <= 0n) return new Map();
  const hundredths = 10_000n;
  const floors = [...totals].map(([recipientId, total]) => ({
    recipientId,
    floor: (total * hundredths) / sum,
    remainder: (total * hundredths) % sum,
  }));
  let left = hundredths - floors.reduce((a, share) => a + share.floor, 0n);
  const byRemainder = [...floors].sort((a, b) =>
    a.remainder === b.remainder ? a.recipientId.localeCompare(b.recipientId) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.floor += 1n;
    left -= 1n;
  }
  return new Map(floors.map(({ recipientId, floor }) => [recipientId, percentText(floor)]));
}

/** "1234.50" → 123450n; amounts of one pledge share a currency, hence a scale. */
function minorUnitsOf(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(4, '0').slice(0, 4));
}

function percentText(hundredths: bigint): string {
  const text = hundredths.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
