import { instantOf, type RateBasis } from '@cm/domain';
import { deliveryFlowOf, ratesOf, withinDates, type Flow, type RateUsed } from './flows';
import type { ReportAllocation, ReportDelivery } from './report-input';
import { totalOf, type AmountTotal } from './totals';

export interface ReconciliationQuery {
  donorId?: string;
  recipientId?: string;
  year?: number;
  /** Delivery dates, inclusive. */
  from?: string;
  to?: string;
  /** The day ages are counted to (ISO date). */
  asOf: string;
  basis?: RateBasis;
}

/** A delivery the recipient disputes and nobody has answered yet, with how long it has waited. */
export interface OpenDispute {
  allocationId: string;
  deliveryId: string;
  deliveredOn: string;
  amount: string;
  unit: string;
  usd: string | null;
  /** Null for a dispute recorded before its date was kept. */
  disputedOn: string | null;
  ageDays: number | null;
}

/**
 * What a donor reported delivering to a recipient in a year (of the delivery dates) against what the recipient
 * confirmed. `reported` is every delivery not withdrawn; `unresolved` is what is reported but not confirmed: the
 * disputed part and the part still awaiting an answer. Withdrawn deliveries are shown apart and counted nowhere else.
 */
export interface ReconciliationRow {
  donorId: string;
  recipientId: string;
  year: number;
  reported: AmountTotal;
  confirmed: AmountTotal;
  disputed: AmountTotal;
  awaitingConfirmation: AmountTotal;
  unresolved: AmountTotal;
  withdrawn: AmountTotal;
  /** Days from the oldest open dispute's date to asOf; null without an open dispute with a known date. */
  oldestOpenDisputeDays: number | null;
  /** Days from the oldest unanswered delivery's date to asOf. */
  oldestAwaitingConfirmationDays: number | null;
  openDisputes: OpenDispute[];
}

export interface ReconciliationReport {
  rows: ReconciliationRow[];
  rates: RateUsed[];
}

interface Entry {
  allocation: ReportAllocation;
  delivery: ReportDelivery;
  flow: Flow;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string): number =>
  Math.floor((instantOf(to.slice(0, 10)) - instantOf(from.slice(0, 10))) / dayMs);

const oldest = (days: readonly number[]): number | null => (days.length === 0 ? null : Math.max(...days));

function rowOf(entries: Entry[], asOf: string): ReconciliationRow {
  const { allocation, flow } = entries[0]!;
  const having = (...statuses: string[]) => entries.filter((e) => statuses.includes(e.delivery.status));
  const totals = (of: Entry[]) => totalOf(of.map((e) => e.flow));
  const disputed = having('disputed');
  const openDisputes = disputed
    .map(({ allocation: a, delivery, flow: f }) => ({
      allocationId: a.id,
      deliveryId: delivery.id,
      deliveredOn: delivery.deliveredOn,
      amount: delivery.amount.amount,
      unit: delivery.amount.unit,
      usd: f.usd?.amount ?? null,
      disputedOn: delivery.disputedAt?.slice(0, 10) ?? null,
      ageDays: delivery.disputedAt ? daysBetween(delivery.disputedAt, asOf) : null,
    }))
    .sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn) || a.deliveryId.localeCompare(b.deliveryId));
  return {
    donorId: allocation.donorId,
    recipientId: allocation.recipientId,
    year: flow.year,
    reported: totals(having('recorded', 'confirmed', 'disputed')),
    confirmed: totals(having('confirmed')),
    disputed: totals(disputed),
    awaitingConfirmation: totals(having('recorded')),
    unresolved: totals(having('recorded', 'disputed')),
    withdrawn: totals(having('withdrawn')),
    oldestOpenDisputeDays: oldest(openDisputes.flatMap((d) => (d.ageDays === null ? [] : [d.ageDays]))),
    oldestAwaitingConfirmationDays: oldest(having('recorded').map((e) => daysBetween(e.delivery.deliveredOn, asOf))),
    openDisputes,
  };
}

/** Donor × recipient × year of the delivery date, sorted by those keys; USD at the rate of each delivery date. */
export function reconciliationReport(
  allocations: readonly ReportAllocation[],
  query: ReconciliationQuery,
): ReconciliationReport {
  const basis = query.basis ?? 'annual';
  const groups = new Map<string, Entry[]>();
  for (const allocation of allocations) {
    if (query.donorId !== undefined && allocation.donorId !== query.donorId) continue;
    if (query.recipientId !== undefined && allocation.recipientId !== query.recipientId) continue;
    for (const delivery of Object.values(allocation.deliveries)) {
      const flow = deliveryFlowOf(allocation, delivery, basis);
      if (query.year !== undefined && flow.year !== query.year) continue;
      if (!withinDates(flow, query.from, query.to)) continue;
      const key = `${allocation.donorId}|${allocation.recipientId}|${flow.year}`;
      groups.set(key, [...(groups.get(key) ?? []), { allocation, delivery, flow }]);
    }
  }
  const rows = [...groups.values()]
    .map((entries) => rowOf(entries, query.asOf))
    .sort(
      (a, b) => a.donorId.localeCompare(b.donorId) || a.recipientId.localeCompare(b.recipientId) || a.year - b.year,
    );
  const rates = ratesOf([...groups.values()].flat().map((entry) => entry.flow));
  return { rows, rates };
}
