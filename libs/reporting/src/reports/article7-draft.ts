import { yearOf, type RateBasis } from '@cm/domain';
import {
  allocationFlows,
  disputedDeliveryFlows,
  flowKinds,
  flowOf,
  mayHaveFlowIn,
  pledgeFlowFields,
  type Flow,
  type FlowKind,
} from './flows';
import type { RateRevision } from './usd-figures';
import type { ReportAllocation, ReportPledge } from './report-input';
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

/** The report's line of one flow, its counterpart named (or its id when unnamed). */
export function article7RowOf(
  flow: Flow,
  direction: Direction,
  names: ReadonlyMap<string, string>,
  disputed: boolean,
): Article7Row {
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

const byLine = (a: Article7Row, b: Article7Row): number =>
  a.direction.localeCompare(b.direction) ||
  a.date.localeCompare(b.date) ||
  flowKinds.indexOf(a.kind) - flowKinds.indexOf(b.kind) ||
  Number(a.disputed) - Number(b.disputed) ||
  a.reference.localeCompare(b.reference);

const totalsOf = (flows: readonly Flow[]) =>
  Object.fromEntries(flowKinds.map((kind) => [kind, totalOf(flows.filter((flow) => flow.kind === kind))])) as Record<
    FlowKind,
    AmountTotal
  >;

/**
 * A participant's Article 7 report for one year, gathered one pledge or allocation at a time: of each record only the
 * year's flows that concern the participant are kept, so going through its records of every year holds no more than
 * the year's rows. A record with no effective date in the year is passed over before any USD conversion. The rows are
 * named and sorted at the end (`report`), once the counterparts' names are known.
 */
export class Article7Draft {
  private readonly provided: Flow[] = [];
  private readonly received: Flow[] = [];
  private readonly disputedProvided: Flow[] = [];
  private readonly disputedReceived: Flow[] = [];

  constructor(
    readonly participantId: string,
    readonly year: number,
    readonly basis: RateBasis = 'annual',
  ) {}

  /** A recipient does not report pledges made to it: only the donor's own pledges count. */
  addPledge(pledge: ReportPledge): void {
    if (pledge.donorId !== this.participantId) return;
    for (const fields of pledgeFlowFields(pledge)) {
      if (yearOf(fields.date) === this.year) this.provided.push(flowOf(fields, this.basis));
    }
  }

  addAllocation(allocation: ReportAllocation): void {
    const { donorId, recipientId } = allocation;
    if (donorId !== this.participantId && recipientId !== this.participantId) return;
    if (!mayHaveFlowIn(allocation, this.year)) return;
    const ofYear = (flows: Flow[]) => flows.filter((flow) => flow.year === this.year);
    const flows = ofYear(allocationFlows(allocation, this.basis));
    const disputed = ofYear(disputedDeliveryFlows(allocation, this.basis));
    if (donorId === this.participantId) this.provided.push(...flows);
    if (recipientId === this.participantId) this.received.push(...flows);
    if (donorId === this.participantId) this.disputedProvided.push(...disputed);
    if (recipientId === this.participantId) this.disputedReceived.push(...disputed);
  }

  /** The participants the rows name: recipients of what it provided, donors of what it received. */
  counterpartIds(): string[] {
    const ids = new Set<string>();
    for (const flow of [...this.provided, ...this.disputedProvided]) if (flow.recipientId) ids.add(flow.recipientId);
    for (const flow of [...this.received, ...this.disputedReceived]) ids.add(flow.donorId);
    return [...ids];
  }

  /** The report, with counterparts named from `names` (an unknown one is named by its id). */
  report(names: ReadonlyMap<string, string>): Article7Report {
    const rows = [
      ...this.provided.map((flow) => article7RowOf(flow, 'provided', names, false)),
      ...this.received.map((flow) => article7RowOf(flow, 'received', names, false)),
      ...this.disputedProvided.map((flow) => article7RowOf(flow, 'provided', names, true)),
      ...this.disputedReceived.map((flow) => article7RowOf(flow, 'received', names, true)),
    ].sort(byLine);
    const { participantId, year, basis } = this;
    return {
      participantId,
      year,
      basis,
      rows,
      totals: { provided: totalsOf(this.provided), received: totalsOf(this.received) },
    };
  }
}
