import {
  convert,
  DomainError,
  isCurrency,
  latestPublishedDay,
  minus,
  plus,
  sumOf,
  zeroOf,
  type Quantity,
  type RateBasis,
} from '@cm/domain';
import type { ReportPledge } from './report-input';

export interface RateNamed {
  rate: string;
  rateDate: string;
  source: string;
}

export interface RevaluedPledge {
  pledgeId: string;
  pledgedOn: string;
  /** Pledged but not delivered, in the pledge's currency. */
  outstanding: string;
  atPledgeRate: RateNamed & { usd: string };
  atLatestRate: RateNamed & { usd: string };
}

export interface RevaluationRow {
  donorId: string;
  currency: string;
  outstanding: string;
  usdAtPledgeRate: string;
  usdAtLatestRate: string;
  /** Latest minus pledge-date value: negative when the currency lost against the dollar. */
  difference: string;
  pledges: RevaluedPledge[];
  /** Pledges whose currency or date has no published rate: listed, not valued. */
  notValued: { pledgeId: string; reason: string }[];
}

const released = ['withdrawn', 'expired'];

/** What a pledge still promises: all of it while it stands, only the allocated part once withdrawn or expired. */
function outstandingOf(pledge: ReportPledge): Quantity {
  const promised = released.includes(pledge.status) ? pledge.allocated : pledge.quantity;
  const delivered = pledge.delivered ?? zeroOf(pledge.quantity.unit);
  const left = minus(promised, delivered);
  return left.amount.startsWith('-') ? zeroOf(pledge.quantity.unit) : left;
}

const named = (conversion: ReturnType<typeof convert>): RateNamed & { usd: string } => ({
  rate: conversion.rate,
  rateDate: conversion.rateDate,
  source: conversion.source,
  usd: conversion.quantity.amount,
});

/**
 * Revaluation of what is pledged in a currency but not delivered, per donor and currency: its USD value at the rate
 * of the pledge date (the annual average of that year, or the day's rate with basis 'daily') and at the latest
 * published daily rate of the currency, and the difference. A fulfilled pledge, or one in goods, has nothing to
 * revalue.
 */
export function revaluationReport(pledges: readonly ReportPledge[], basis: RateBasis = 'annual'): RevaluationRow[] {
  const rows = new Map<string, RevaluationRow>();
  for (const pledge of [...pledges].sort((a, b) => a.id.localeCompare(b.id))) {
    const currency = pledge.quantity.unit;
    if (!isCurrency(currency)) continue;
    const outstanding = outstandingOf(pledge);
    if (outstanding.amount.replace(/[0.]/g, '') === '') continue;
    const key = `${pledge.donorId}|${currency}`;
    const row = rows.get(key) ?? {
      donorId: pledge.donorId,
      currency,
      outstanding: zeroOf(currency).amount,
      usdAtPledgeRate: '0.00',
      usdAtLatestRate: '0.00',
      difference: '0.00',
      pledges: [],
      notValued: [],
    };
    rows.set(key, row);
    const pledgedOn = (pledge.pledgedOn ?? pledge.submittedAt).slice(0, 10);
    try {
      const atPledge = convert(outstanding, 'USD', pledgedOn, basis);
      const atLatest =
        currency === 'USD' ? atPledge : convert(outstanding, 'USD', latestPublishedDay(currency), 'daily');
      row.pledges.push({
        pledgeId: pledge.id,
        pledgedOn,
        outstanding: outstanding.amount,
        atPledgeRate: named(atPledge),
        atLatestRate: named(atLatest),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      row.notValued.push({ pledgeId: pledge.id, reason: error.message });
    }
  }
  return [...rows.values()]
    .map((row) => {
      const usd = (pick: (p: RevaluedPledge) => string) =>
        sumOf(
          'USD',
          row.pledges.map((p) => ({ amount: pick(p), unit: 'USD' })),
        );
      const atPledge = usd((p) => p.atPledgeRate.usd);
      const atLatest = usd((p) => p.atLatestRate.usd);
      return {
        ...row,
        outstanding: row.pledges
          .map((p) => ({ amount: p.outstanding, unit: row.currency }))
          .reduce(plus, zeroOf(row.currency)).amount,
        usdAtPledgeRate: atPledge.amount,
        usdAtLatestRate: atLatest.amount,
        difference: minus(atLatest, atPledge).amount,
      };
    })
    .sort((a, b) => a.donorId.localeCompare(b.donorId) || a.currency.localeCompare(b.currency));
}
