import { isZero, yearOf, type Quantity, type RateBasis } from '@cm/domain';
import type { ReportAllocation, ReportDelivery, ReportPledge } from './report-input';
import { rateRevisionOf, usdOf, type RateRevision, type UsdFigure } from './usd-figures';

export type FlowKind = 'pledged' | 'committed' | 'delivered';
export const flowKinds: readonly FlowKind[] = ['pledged', 'committed', 'delivered'];

/**
 * One amount of assistance on its effective date: a pledge (IATI 12), a commitment (2) or a confirmed delivery (3),
 * with its USD value at the reference rate of that date's year, converted one by one and rounded to the cent, as
 * the Monitor reports: a total is the sum of the converted amounts.
 */
export interface Flow {
  kind: FlowKind;
  /** The pledge, allocation or delivery id. */
  ref: string;
  donorId: string;
  /** Null for a pledge open to any recipient. */
  recipientId: string | null;
  /** Null for a pledge that accepts several pillars: its amount is not split between them. */
  pillar: string | null;
  assistanceType: string;
  category?: string;
  /** ISO date: pledgedOn, committedOn or deliveredOn, else the day it was recorded. */
  date: string;
  year: number;
  amount: Quantity;
  /** Undefined for goods and expertise, or a currency or year without a published rate. */
  usd?: UsdFigure;
  /** A commitment whose recorded conversion the rate table in force would now make differently. */
  rateRevision?: RateRevision;
}

const committing = ['accepted', 'partially_delivered', 'completed'];
const releasedPledge = ['withdrawn', 'expired'];

/** A flow as the projector keeps it: in its original unit, without a USD value (converted at query time). */
export type FlowFields = Omit<Flow, 'year' | 'usd' | 'rateRevision'>;

/** The flow with its year and its USD value at the published rate of its date (`basis`). */
export function flowOf(fields: FlowFields, basis: RateBasis): Flow {
  const usd = usdOf(fields.amount, fields.date, basis);
  return { ...fields, year: yearOf(fields.date), ...(usd && { usd }) };
}

/**
 * The flows of many fields at once: each distinct amount, unit and date is converted once (the figure is the same for
 * every flow that shares them), so that a report over many flows converts about as often as it has distinct amounts.
 */
export function flowsWithUsd(fields: readonly FlowFields[], basis: RateBasis): Flow[] {
  const figures = new Map<string, UsdFigure | undefined>();
  return fields.map((flow) => {
    const key = `${flow.amount.unit}|${flow.amount.amount}|${flow.date}`;
    if (!figures.has(key)) figures.set(key, usdOf(flow.amount, flow.date, basis));
    const usd = figures.get(key);
    return { ...flow, year: yearOf(flow.date), ...(usd && { usd }) };
  });
}

/** A pledge counts in full while it stands; once withdrawn or expired, only the part allocated before. */
export function pledgeFlowFields(pledge: ReportPledge): FlowFields[] {
  const amount = releasedPledge.includes(pledge.status) ? pledge.allocated : pledge.quantity;
  if (isZero(amount)) return [];
  return [
    {
      kind: 'pledged',
      ref: pledge.id,
      donorId: pledge.donorId,
      recipientId: pledge.recipientId ?? null,
      pillar: pledge.pillars.length === 1 ? pledge.pillars[0] : null,
      assistanceType: pledge.assistanceType,
      ...(pledge.category !== undefined && { category: pledge.category }),
      date: (pledge.pledgedOn ?? pledge.submittedAt).slice(0, 10),
      amount,
    },
  ];
}

export const pledgeFlows = (pledge: ReportPledge, basis: RateBasis = 'annual'): Flow[] =>
  pledgeFlowFields(pledge).map((fields) => flowOf(fields, basis));

/** The effective date of an allocation's commitment: committedOn, else the day it was requested. */
const commitmentDateOf = (allocation: ReportAllocation): string =>
  (allocation.committedOn ?? allocation.requestedAt).slice(0, 10);

/** The commitment and the confirmed deliveries of an allocation, without USD: what the support cells keep. */
export const allocationFlowFields = (allocation: ReportAllocation): FlowFields[] =>
  allocationFlows(allocation).map(({ year: _year, usd: _usd, rateRevision: _revision, ...fields }) => fields);

/**
 * An allocation is a commitment once the recipient accepted it (a cancelled one keeps what was confirmed delivered);
 * each confirmed delivery is a disbursement on its own date. Proposed, declined or disputed amounts count nowhere.
 */
export function allocationFlows(allocation: ReportAllocation, basis: RateBasis = 'annual'): Flow[] {
  const shared = {
    donorId: allocation.donorId,
    recipientId: allocation.recipientId,
    pillar: allocation.pillar,
    assistanceType: allocation.assistanceType,
    ...(allocation.category !== undefined && { category: allocation.category }),
  };
  const committed = committing.includes(allocation.status)
    ? allocation.amount
    : allocation.status === 'cancelled'
      ? allocation.confirmed
      : undefined;
  const flows: Flow[] = [];
  if (committed && !isZero(committed)) {
    const date = commitmentDateOf(allocation);
    const rateRevision = rateRevisionOf(allocation, date);
    flows.push({
      ...flowOf({ ...shared, kind: 'committed', ref: allocation.id, date, amount: committed }, basis),
      ...(rateRevision && { rateRevision }),
    });
  }
  const confirmed = Object.values(allocation.deliveries)
    .filter((delivery) => delivery.status === 'confirmed')
    .sort((a, b) => a.id.localeCompare(b.id));
  return [...flows, ...confirmed.map((delivery) => deliveryFlowOf(allocation, delivery, basis))];
}

/**
 * Whether any flow of the allocation (its commitment, a delivery of any status) can fall in `year`: false lets a
 * report of one year pass over the allocation before converting anything.
 */
export const mayHaveFlowIn = (allocation: ReportAllocation, year: number): boolean =>
  yearOf(commitmentDateOf(allocation)) === year ||
  Object.values(allocation.deliveries).some((delivery) => yearOf(delivery.deliveredOn) === year);

/**
 * A delivery of the allocation as a flow on its delivery date, whatever its status: a disbursement when confirmed;
 * reconciliation and the flags on disputed deliveries read the others the same way (and count them nowhere).
 */
export function deliveryFlowOf(allocation: ReportAllocation, delivery: ReportDelivery, basis: RateBasis): Flow {
  return flowOf(
    {
      donorId: allocation.donorId,
      recipientId: allocation.recipientId,
      pillar: allocation.pillar,
      assistanceType: allocation.assistanceType,
      ...(allocation.category !== undefined && { category: allocation.category }),
      kind: 'delivered',
      ref: delivery.id,
      date: delivery.deliveredOn.slice(0, 10),
      amount: delivery.amount,
    },
    basis,
  );
}

/** Disputed deliveries: not disbursements, but reports flag them beside the confirmed ones. */
export const disputedDeliveryFlows = (allocation: ReportAllocation, basis: RateBasis = 'annual'): Flow[] =>
  Object.values(allocation.deliveries)
    .filter((delivery) => delivery.status === 'disputed')
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((delivery) => deliveryFlowOf(allocation, delivery, basis));

export interface RateUsed {
  unit: string;
  rate: string;
  rateDate: string;
  source: string;
  lastYearFallback: boolean;
}

/** Every distinct rate the flows' USD figures used, with its date and source, so each figure can be traced. */
export function ratesOf(flows: readonly Flow[]): RateUsed[] {
  const rates = new Map<string, RateUsed>();
  for (const flow of flows) {
    if (!flow.usd || flow.amount.unit === 'USD') continue;
    const { rate, rateDate, source, lastYearFallback } = flow.usd;
    rates.set(`${flow.amount.unit}|${rateDate}`, { unit: flow.amount.unit, rate, rateDate, source, lastYearFallback });
  }
  return [...rates.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.rateDate.localeCompare(b.rateDate));
}

export const flowsOf = (
  input: { pledges: readonly ReportPledge[]; allocations: readonly ReportAllocation[] },
  basis: RateBasis = 'annual',
): Flow[] => [
  ...input.pledges.flatMap((pledge) => pledgeFlows(pledge, basis)),
  ...input.allocations.flatMap((allocation) => allocationFlows(allocation, basis)),
];

/** Effective dates within [from, to] (ISO dates, both optional, inclusive). */
export const withinDates = (flow: Flow, from?: string, to?: string): boolean =>
  (from === undefined || flow.date >= from) && (to === undefined || flow.date <= to.slice(0, 10));
