import {
  compare,
  DomainError,
  isCurrency,
  minus,
  obligationOfPillar,
  obligationsOf,
  plus,
  sumOf,
  usdValueOf,
  zeroOf,
  type DeadlineArticle,
  type Participant,
  type Pillar,
  type Quantity,
} from '@cm/domain';

/** A need as the report reads it: the read model's need, with its totals in its own unit. */
export interface ObligationNeed {
  id: string;
  requesterId: string;
  pillar: Pillar;
  quantity: Quantity;
  allocated: Quantity;
  status: string;
}

export interface ObligationAtRisk {
  participantId: string;
  name: string;
  article: DeadlineArticle;
  deadline: string;
  originalDeadline: string;
  extended: boolean;
  /** Negative once the deadline has passed. */
  daysLeft: number;
  pendingExtensionUntil: string | null;
  /** Linked needs with something no allocation holds. */
  needIds: string[];
  /** What no allocation holds, per unit and in USD at the annual average of the asOf year. */
  shortfall: { byUnit: Record<string, string>; usd: string; withoutUsd: number; rateYear: number | null };
}

const closed = ['withdrawn', 'fulfilled'];
const dayMs = 86_400_000;

export interface AtRiskQuery {
  /** ISO date the horizon starts from (today, given by the caller: the report has no clock). */
  asOf: string;
  horizonMonths: number;
}

/**
 * Article 3 and 4 deadlines of bound States that fall before asOf + horizon (passed ones included, with negative
 * daysLeft) and whose linked needs (clearance and risk education → Art. 4, stockpile destruction → Art. 3) are not
 * covered by allocations. Sorted by deadline.
 */
export function obligationsAtRisk(
  participants: readonly Participant[],
  needs: readonly ObligationNeed[],
  query: AtRiskQuery,
): ObligationAtRisk[] {
  const asOf = query.asOf.slice(0, 10);
  const horizonEnd = addMonths(asOf, query.horizonMonths);
  const rows: ObligationAtRisk[] = [];
  for (const participant of participants) {
    if (!participant.treaty) continue;
    const obligations = obligationsOf(participant.treaty, asOf);
    if (!obligations.bound) continue;
    for (const deadline of [obligations.article3, obligations.article4]) {
      if (!deadline || deadline.deadline > horizonEnd) continue;
      const linked = needs.filter(
        (need) =>
          need.requesterId === participant.id &&
          !closed.includes(need.status) &&
          obligationOfPillar(need.pillar) === deadline.article &&
          compare(need.allocated, need.quantity) < 0,
      );
      if (linked.length === 0) continue;
      rows.push({
        participantId: participant.id,
        name: participant.name,
        article: deadline.article,
        deadline: deadline.deadline,
        originalDeadline: deadline.originalDeadline,
        extended: deadline.deadline !== deadline.originalDeadline,
        daysLeft: Math.round((Date.parse(deadline.deadline) - Date.parse(asOf)) / dayMs),
        pendingExtensionUntil: deadline.pendingRequest?.requestedUntil ?? null,
        needIds: linked.map((need) => need.id).sort(),
        shortfall: shortfallOf(
          linked.map((need) => minus(need.quantity, need.allocated)),
          asOf,
        ),
      });
    }
  }
  return rows.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.participantId.localeCompare(b.participantId));
}

function shortfallOf(amounts: Quantity[], asOf: string): ObligationAtRisk['shortfall'] {
  const byUnit = new Map<string, Quantity>();
  for (const amount of amounts) byUnit.set(amount.unit, plus(byUnit.get(amount.unit) ?? zeroOf(amount.unit), amount));
  const usd: Quantity[] = [];
  let withoutUsd = 0;
  let rateYear: number | null = null;
  for (const amount of amounts) {
    if (!isCurrency(amount.unit)) {
      withoutUsd += 1;
      continue;
    }
    try {
      const conversion = usdValueOf(amount, asOf);
      usd.push(conversion.quantity);
      rateYear = conversion.rateYear;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      withoutUsd += 1;
    }
  }
  return {
    byUnit: Object.fromEntries([...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(([u, q]) => [u, q.amount])),
    usd: sumOf('USD', usd).amount,
    withoutUsd,
    rateYear,
  };
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
