import { plus, sumOf, zeroOf, type Quantity } from '@cm/domain';
import type { Flow } from './flows';

/** A total as reports answer it: exact decimal text per original unit, the USD sum, and what had no USD value. */
export interface AmountTotal {
  count: number;
  /** Per unit (currency or goods unit), exact decimal text. */
  byUnit: Record<string, string>;
  /** Sum of the flows' USD values, each at the rate of its own effective date. */
  usd: string;
  /** Flows without a USD value (goods, expertise, no reference rate): counted in byUnit only. */
  withoutUsd: number;
}

export function totalOf(flows: readonly Flow[]): AmountTotal {
  const byUnit = new Map<string, Quantity>();
  for (const flow of flows) {
    byUnit.set(flow.amount.unit, plus(byUnit.get(flow.amount.unit) ?? zeroOf(flow.amount.unit), flow.amount));
  }
  const converted = flows.flatMap((flow) => (flow.usd ? [{ amount: flow.usd.amount, unit: 'USD' }] : []));
  return {
    count: flows.length,
    byUnit: Object.fromEntries([...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(([unit, q]) => [unit, q.amount])),
    usd: sumOf('USD', converted).amount,
    withoutUsd: flows.length - converted.length,
  };
}
