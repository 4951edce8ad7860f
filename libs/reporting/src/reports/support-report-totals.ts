import { fromMinor, minorOf, zeroOf } from '@cm/domain';
import type { RateUsed } from './flows';
import type { FlowTotal } from './flow-totals';
import { supportRowsOf, type SupportQuery, type SupportRow } from './support-report';
import type { AmountTotal } from './totals';
import { usdOf } from './usd-figures';

const wholeYearFrom = (from?: string) => (from === undefined ? true : /^\d{4}-01-01$/.test(from));
const wholeYearTo = (to?: string) => (to === undefined ? true : /^\d{4}-12-31$/.test(to.slice(0, 10)));

/**
 * Whether the totals answer the query exactly as the flows would: on the annual basis (the one their USD sums are
 * kept at), over all dates or whole calendar years (the finest date the totals keep). Any other query reads the flows.
 */
export const totalsAnswer = (query: SupportQuery): boolean =>
  (query.basis ?? 'annual') === 'annual' && wholeYearFrom(query.from) && wholeYearTo(query.to);

const withinYears = (total: FlowTotal, query: SupportQuery) =>
  (query.from === undefined || total.year >= Number(query.from.slice(0, 4))) &&
  (query.to === undefined || total.year <= Number(query.to.slice(0, 4)));

/** The AmountTotal of the flows these totals sum, as totalOf gives it for the flows themselves (exact, in minor units). */
function amountTotalOf(totals: readonly FlowTotal[]): AmountTotal {
  const byUnit = new Map<string, bigint>();
  let usd = 0n;
  for (const total of totals) {
    byUnit.set(total.unit, (byUnit.get(total.unit) ?? 0n) + minorOf({ amount: total.amount, unit: total.unit }));
    usd += minorOf({ amount: total.usd, unit: 'USD' });
  }
  return {
    count: totals.reduce((n, total) => n + total.count, 0),
    byUnit: Object.fromEntries(
      [...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(([unit, minor]) => [unit, fromMinor(minor, unit).amount]),
    ),
    usd: fromMinor(usd, 'USD').amount,
    withoutUsd: totals.reduce((n, total) => n + total.withoutUsd, 0),
  };
}

/** supportReportOfFlows of the flows the totals sum, for a query the totals answer (see totalsAnswer). */
export const supportReportOfTotals = (all: readonly FlowTotal[], query: SupportQuery): SupportRow[] =>
  supportRowsOf(
    all.filter((t) => withinYears(t, query)),
    query,
    amountTotalOf,
  );

/** ratesUsedOfFlows of the flows the totals sum: the annual rate of each total's unit and year that gave USD. */
export function ratesUsedOfTotals(all: readonly FlowTotal[], query: SupportQuery): RateUsed[] {
  const rates = new Map<string, RateUsed>();
  const looked = new Set<string>();
  for (const total of all.filter((t) => withinYears(t, query) && t.unit !== 'USD' && t.count > t.withoutUsd)) {
    if (looked.has(`${total.unit}|${total.year}`)) continue;
    looked.add(`${total.unit}|${total.year}`);
    const usd = usdOf(zeroOf(total.unit), `${total.year}-01-01`, 'annual');
    if (!usd) continue;
    const { rate, rateDate, source, lastYearFallback } = usd;
    rates.set(`${total.unit}|${rateDate}`, { unit: total.unit, rate, rateDate, source, lastYearFallback });
  }
  return [...rates.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.rateDate.localeCompare(b.rateDate));
}
