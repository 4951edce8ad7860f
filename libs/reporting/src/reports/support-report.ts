import type { RateBasis } from '@cm/domain';
import { flowKinds, flowsOf, ratesOf, withinDates, type Flow, type FlowKind, type RateUsed } from './flows';
import type { ReportAllocation, ReportPledge } from './report-input';
import { totalOf, type AmountTotal } from './totals';

export const supportDimensions = ['donor', 'recipient', 'pillar', 'year', 'assistanceType'] as const;
export type SupportDimension = (typeof supportDimensions)[number];

export interface SupportQuery {
  groupBy: readonly SupportDimension[];
  /** Effective dates, inclusive. */
  from?: string;
  to?: string;
  /** 'annual' (default): the annual average of each effective date's year; 'daily': that day's rate. */
  basis?: RateBasis;
}

export type SupportRow = Partial<Record<SupportDimension, string | number | null>> & Record<FlowKind, AmountTotal>;

/** What a support row is grouped by: a flow's keys, or a total's (see flow-totals). */
export type SupportKeys = Pick<Flow, 'donorId' | 'recipientId' | 'pillar' | 'year' | 'assistanceType'>;

export const supportKeyOf: Record<SupportDimension, (flow: SupportKeys) => string | number | null> = {
  donor: (flow) => flow.donorId,
  recipient: (flow) => flow.recipientId,
  pillar: (flow) => flow.pillar,
  year: (flow) => flow.year,
  assistanceType: (flow) => flow.assistanceType,
};

export const compareKeys = (a: unknown, b: unknown): number =>
  a === b
    ? 0
    : a === null
      ? 1
      : b === null
        ? -1
        : typeof a === 'number'
          ? a - (b as number)
          : String(a).localeCompare(String(b));

/**
 * Pledged, committed and delivered-confirmed support grouped by any of donor, recipient, pillar, year (of the effective
 * date) and assistance type. A pledge open to any recipient or to several pillars has null for that key: its amount
 * is not split. Rows are sorted by the keys in the order asked for (nulls last); no grouping gives one row of totals.
 */
export const supportReport = (
  input: { pledges: readonly ReportPledge[]; allocations: readonly ReportAllocation[] },
  query: SupportQuery,
): SupportRow[] => supportReportOfFlows(flowsOf(input, query.basis), query);

/**
 * Support rows of any items with the support keys (flows, or the projector's totals of them): grouped by the query's
 * dimensions, sorted by them, and each kind summed by `sum`. No grouping gives one row, also of no items.
 */
export function supportRowsOf<T extends SupportKeys & { kind: FlowKind }>(
  items: readonly T[],
  query: SupportQuery,
  sum: (items: readonly T[]) => AmountTotal,
): SupportRow[] {
  const dimensions = [...new Set(query.groupBy)];
  const groups = new Map<string, { keys: (string | number | null)[]; items: T[] }>();
  for (const item of items) {
    const keys = dimensions.map((dimension) => supportKeyOf[dimension](item));
    const id = JSON.stringify(keys);
    const group = groups.get(id) ?? { keys, items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  if (dimensions.length === 0 && groups.size === 0) groups.set('[]', { keys: [], items: [] });
  return [...groups.values()]
    .sort((a, b) => a.keys.reduce<number>((order, key, i) => order || compareKeys(key, b.keys[i]), 0))
    .map(({ keys, items: grouped }) => ({
      ...Object.fromEntries(dimensions.map((dimension, i) => [dimension, keys[i]])),
      ...(Object.fromEntries(
        flowKinds.map((kind) => [kind, sum(grouped.filter((item) => item.kind === kind))]),
      ) as Record<FlowKind, AmountTotal>),
    }));
}

/** The support report of flows already derived (from the read models, or from the records' support entries). */
export const supportReportOfFlows = (allFlows: readonly Flow[], query: SupportQuery): SupportRow[] =>
  supportRowsOf(
    allFlows.filter((f) => withinDates(f, query.from, query.to)),
    query,
    totalOf,
  );

/** Every distinct rate the report's USD figures used, with its date and source, so each figure can be traced. */
export const ratesUsed = (
  input: { pledges: readonly ReportPledge[]; allocations: readonly ReportAllocation[] },
  query: SupportQuery,
): RateUsed[] => ratesUsedOfFlows(flowsOf(input, query.basis), query);

export const ratesUsedOfFlows = (flows: readonly Flow[], query: SupportQuery): RateUsed[] =>
  ratesOf(flows.filter((f) => withinDates(f, query.from, query.to)));
