import { yearOf, zeroOf, type AllocationStatus, type Pillar, type Quantity } from '@cm/domain';
import type { AllocationView } from '../allocations/allocation-view';
import { sumByUnit, usdOf, usdSum } from '../money';

/** One allocation's share of a support cell, in the original unit (the pledge's) and in USD where it is money. */
export interface AllocationContribution {
  readonly version: number;
  readonly status: AllocationStatus;
  /** What the donor stands committed to: the amount once accepted, only the confirmed part once cancelled. */
  readonly committed: Quantity;
  /** Confirmed deliveries (IATI disbursements for money). */
  readonly disbursed: Quantity;
  readonly usd?: { readonly committed?: string; readonly disbursed?: string };
}

/**
 * Support from one donor to one recipient for one pillar in one year (the year of the allocation's effective date).
 * Each allocation writes only its own entry, guarded by its version: order-tolerant and idempotent.
 */
export interface SupportDoc {
  readonly _id: string;
  readonly donorId: string;
  readonly recipientId: string;
  readonly pillar: Pillar;
  readonly year: number;
  readonly contributions: Readonly<Record<string, AllocationContribution>>;
}

const committing: readonly AllocationStatus[] = ['accepted', 'partially_delivered', 'completed'];

/** The effective date: when the commitment really happened, else when it was recorded. */
export const effectiveDateOf = (allocation: AllocationView): string =>
  allocation.committedOn ?? allocation.requestedAt.slice(0, 10);

export const supportIdOf = (allocation: AllocationView): string =>
  `${allocation.donorId}:${allocation.recipientId}:${allocation.pillar}:${yearOf(effectiveDateOf(allocation))}`;

export function contributionOf(allocation: AllocationView): AllocationContribution {
  const committed = committing.includes(allocation.status)
    ? allocation.amount
    : allocation.status === 'cancelled'
      ? allocation.confirmed
      : zeroOf(allocation.amount.unit);
  const onDate = effectiveDateOf(allocation);
  const usd = { committed: usdOf(committed, onDate), disbursed: usdOf(allocation.confirmed, onDate) };
  return {
    version: allocation.version,
    status: allocation.status,
    committed,
    disbursed: allocation.confirmed,
    ...(usd.committed !== undefined && { usd }),
  };
}

export function evolveSupport(doc: SupportDoc | null, allocation: AllocationView): SupportDoc {
  const known = doc?.contributions[allocation.id];
  if (doc && known && known.version >= allocation.version) return doc;
  return {
    _id: supportIdOf(allocation),
    donorId: allocation.donorId,
    recipientId: allocation.recipientId,
    pillar: allocation.pillar,
    year: yearOf(effectiveDateOf(allocation)),
    contributions: { ...doc?.contributions, [allocation.id]: contributionOf(allocation) },
  };
}

export interface SupportTotals {
  donorId: string;
  recipientId: string;
  pillar: Pillar;
  year: number;
  allocations: number;
  committed: Record<string, string>;
  disbursed: Record<string, string>;
  usd: { committed: string; disbursed: string };
}

export function supportTotalsOf(doc: SupportDoc): SupportTotals {
  const entries = Object.values(doc.contributions);
  return {
    donorId: doc.donorId,
    recipientId: doc.recipientId,
    pillar: doc.pillar,
    year: doc.year,
    allocations: entries.length,
    committed: sumByUnit(entries.map((e) => e.committed)),
    disbursed: sumByUnit(entries.map((e) => e.disbursed)),
    usd: {
      committed: usdSum(entries.map((e) => e.usd?.committed)),
      disbursed: usdSum(entries.map((e) => e.usd?.disbursed)),
    },
  };
}
