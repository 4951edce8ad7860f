import { minus, plus, sumOf, yearOf, zeroOf } from '@cm/domain';
import type { FlowFields, FlowKind } from './flows';
import { usdOf } from './usd-figures';

/**
 * The flows of one kind, donor, recipient, pillar, assistance type, effective year and unit, summed exactly, with
 * their USD values at the annual rate of their year, converted one by one and rounded to the cent as the report does:
 * a support report without a period or with whole years, on the annual basis, is a sum of these. The USD sum cannot
 * be derived from the unit sum (each flow is rounded on its own), so it is kept beside it; the rate is the annual
 * average of (unit, year), the same for every flow of the total, so it is looked up again rather than kept.
 */
export interface FlowTotal {
  kind: FlowKind;
  donorId: string;
  recipientId: string | null;
  pillar: string | null;
  assistanceType: string;
  year: number;
  unit: string;
  count: number;
  /** Exact decimal text in `unit`. */
  amount: string;
  /** Sum of the flows' USD values (annual basis), exact decimal text. */
  usd: string;
  withoutUsd: number;
}

const keyOf = (t: Omit<FlowTotal, 'count' | 'amount' | 'usd' | 'withoutUsd'>): string =>
  JSON.stringify([t.kind, t.donorId, t.recipientId, t.pillar, t.assistanceType, t.year, t.unit]);

/** One flow as a total of one, converted at the annual rate of its year. */
function totalOfFlow(flow: FlowFields): FlowTotal {
  const usd = usdOf(flow.amount, flow.date, 'annual');
  const { unit } = flow.amount;
  return {
    kind: flow.kind,
    donorId: flow.donorId,
    recipientId: flow.recipientId,
    pillar: flow.pillar,
    assistanceType: flow.assistanceType,
    year: yearOf(flow.date),
    unit,
    count: 1,
    amount: flow.amount.amount,
    usd: usd?.amount ?? sumOf('USD', []).amount,
    withoutUsd: usd ? 0 : 1,
  };
}

function merged(a: FlowTotal, b: FlowTotal, sign: 1 | -1): FlowTotal {
  const add = sign === 1 ? plus : minus;
  return {
    ...a,
    count: a.count + sign * b.count,
    amount: add({ amount: a.amount, unit: a.unit }, { amount: b.amount, unit: b.unit }).amount,
    usd: add({ amount: a.usd, unit: 'USD' }, { amount: b.usd, unit: 'USD' }).amount,
    withoutUsd: a.withoutUsd + sign * b.withoutUsd,
  };
}

const zeroLike = (t: FlowTotal): FlowTotal => ({
  ...t,
  count: 0,
  amount: zeroOf(t.unit).amount,
  usd: sumOf('USD', []).amount,
  withoutUsd: 0,
});

/** Totals by key while a batch is applied to a cell: changed in place, sorted once at the end (sortedTotals). */
export type TotalsByKey = Map<string, FlowTotal>;

export const totalsByKey = (totals: readonly FlowTotal[]): TotalsByKey =>
  new Map(totals.map((total) => [keyOf(total), total]));

/** `b` added to (sign 1) or taken out of (sign -1) `sums`, in place: totals left with no flow disappear. */
export function addInto(sums: TotalsByKey, b: readonly FlowTotal[], sign: 1 | -1): TotalsByKey {
  for (const total of b) {
    const key = keyOf(total);
    const next = merged(sums.get(key) ?? zeroLike(total), total, sign);
    if (next.count === 0) sums.delete(key);
    else sums.set(key, next);
  }
  return sums;
}

/** The totals sorted by key, so that equal sets of flows give equal arrays whatever order they came in. */
export const sortedTotals = (sums: TotalsByKey): FlowTotal[] =>
  [...sums.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, total]) => total);

/** `b` added to (sign 1) or taken out of (sign -1) `a`. */
export const addFlowTotals = (a: readonly FlowTotal[], b: readonly FlowTotal[], sign: 1 | -1 = 1): FlowTotal[] =>
  sortedTotals(addInto(totalsByKey(a), b, sign));

const totalKeys = ['kind', 'recipientId', 'pillar', 'assistanceType', 'year', 'unit'] as const;
const sumKeys = ['count', 'amount', 'usd', 'withoutUsd'] as const;

/**
 * One donor's totals as one text of rows (JSON arrays, without the donor): a cell is read whole and never queried
 * inside, and a document server such as FerretDB decodes a stored document value by value, so thousands of totals
 * cost one value rather than fourteen each.
 */
export const packFlowTotals = (totals: readonly FlowTotal[]): string =>
  JSON.stringify(totals.map((total) => [...totalKeys, ...sumKeys].map((key) => total[key])));

export const unpackFlowTotals = (donorId: string, rows: string): FlowTotal[] =>
  (JSON.parse(rows) as unknown[][]).map(
    (row) =>
      ({ donorId, ...Object.fromEntries([...totalKeys, ...sumKeys].map((key, i) => [key, row[i]])) }) as FlowTotal,
  );

/** The totals of a record's flows. */
export const flowTotalsOf = (flows: readonly FlowFields[]): FlowTotal[] => addFlowTotals([], flows.map(totalOfFlow));
