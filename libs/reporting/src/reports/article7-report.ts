import type { RateBasis } from '@cm/domain';
import { disputedDeliveryFlows, flowsOf, type Flow, type FlowKind } from './flows';
import type { RateRevision } from './usd-figures';
import { csvOf } from './csv';
import type { ReportAllocation, ReportParticipant, ReportPledge } from './report-input';
import { totalOf, type AmountTotal } from './totals';

export type Direction = 'provided' | 'received';

/** One line of a State's Article 7 Form on cooperation and assistance (Art. 6): what, with whom, when, how much. */
export interface Article7Row {
  direction: Direction;
  kind: FlowKind;
  date: string;
  counterpartId: string | null;
  counterpartName: string | null;
  assistanceType: string;
  pillar: string | null;
  category: string | null;
  amount: string;
  unit: string;
  usd: string | null;
  usdRate: string | null;
  rateYear: number | null;
  /** The day (daily basis) or year (annual) of the rate, and who published it. */
  usdRateDate: string | null;
  usdRateSource: string | null;
  reference: string;
  /** A delivery the recipient disputes: listed for the record, counted in no total (not a disbursement). */
  disputed: boolean;
  /** Present on a commitment the rate table in force would convert differently than it was recorded. */
  rateRevision?: RateRevision;
}

export interface Article7Report {
  participantId: string;
  year: number;
  basis: RateBasis;
  rows: Article7Row[];
  totals: Record<Direction, Record<FlowKind, AmountTotal>>;
}

const kinds: readonly FlowKind[] = ['pledged', 'committed', 'delivered'];

function rowOf(flow: Flow, direction: Direction, names: ReadonlyMap<string, string>, disputed = false): Article7Row {
  const counterpartId = direction === 'provided' ? flow.recipientId : flow.donorId;
  return {
    direction,
    kind: flow.kind,
    date: flow.date,
    counterpartId,
    counterpartName: counterpartId === null ? null : (names.get(counterpartId) ?? counterpartId),
    assistanceType: flow.assistanceType,
    pillar: flow.pillar,
    category: flow.category ?? null,
    amount: flow.amount.amount,
    unit: flow.amount.unit,
    usd: flow.usd?.amount ?? null,
    usdRate: flow.usd?.rate ?? null,
    rateYear: flow.usd?.rateYear ?? null,
    usdRateDate: flow.usd?.rateDate ?? null,
    usdRateSource: flow.usd?.source ?? null,
    reference: flow.ref,
    disputed,
    ...(flow.rateRevision && { rateRevision: flow.rateRevision }),
  };
}

/**
 * The assistance a participant provided as donor and received as recipient in one calendar year of effective dates:
 * pledges it made, commitments and confirmed deliveries either way. Amounts in the original unit and in USD at the
 * reference rate of each date. A recipient does not report pledges made to it: only commitments and deliveries.
 * Deliveries in dispute are rows flagged `disputed` and count in no total: only confirmed ones are disbursements.
 */
export function article7Report(
  input: {
    pledges: readonly ReportPledge[];
    allocations: readonly ReportAllocation[];
    participants: readonly ReportParticipant[];
  },
  participantId: string,
  year: number,
  basis: RateBasis = 'annual',
): Article7Report {
  const names = new Map(input.participants.map((p) => [p.id, p.name]));
  const ofYear = flowsOf(input, basis).filter((flow) => flow.year === year);
  const provided = ofYear.filter((flow) => flow.donorId === participantId);
  const received = ofYear.filter((flow) => flow.recipientId === participantId && flow.kind !== 'pledged');
  const disputed = input.allocations
    .flatMap((allocation) => disputedDeliveryFlows(allocation, basis))
    .filter((flow) => flow.year === year);
  const rows = [
    ...provided.map((flow) => rowOf(flow, 'provided', names)),
    ...received.map((flow) => rowOf(flow, 'received', names)),
    ...disputed.filter((flow) => flow.donorId === participantId).map((flow) => rowOf(flow, 'provided', names, true)),
    ...disputed
      .filter((flow) => flow.recipientId === participantId)
      .map((flow) => rowOf(flow, 'received', names, true)),
  ].sort(
    (a, b) =>
      a.direction.localeCompare(b.direction) ||
      a.date.localeCompare(b.date) ||
      kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
      Number(a.disputed) - Number(b.disputed) ||
      a.reference.localeCompare(b.reference),
  );
  const totalsOf = (flows: Flow[]) =>
    Object.fromEntries(kinds.map((kind) => [kind, totalOf(flows.filter((flow) => flow.kind === kind))])) as Record<
      FlowKind,
      AmountTotal
    >;
  return { participantId, year, basis, rows, totals: { provided: totalsOf(provided), received: totalsOf(received) } };
}

const article7Columns: readonly (keyof Article7Row)[] = [
  'direction',
  'kind',
  'date',
  'counterpartId',
  'counterpartName',
  'assistanceType',
  'pillar',
  'category',
  'amount',
  'unit',
  'usd',
  'usdRate',
  'rateYear',
  'reference',
  'disputed',
];

export const article7Csv = (report: Article7Report): string => csvOf(article7Columns, report.rows);
