import { divideHalfEven, formatDecimal, minorOf, minus, plus, zeroOf, type Quantity } from '@cm/domain';

/** A coverage cell's totals (recipient × pillar × assistance type) as the coverage read model sums them. */
export interface CoverageCell {
  recipientId: string;
  pillar: string;
  assistanceType: string;
  needs: number;
  requested: Record<string, string>;
  allocated: Record<string, string>;
  delivered: Record<string, string>;
  /** Money needs only, each at the rate of the day the need was posted. */
  usd: { requested: string; allocated: string; delivered: string };
}

export interface CoverageFigures {
  requested: string;
  allocated: string;
  delivered: string;
  /** Requested and not yet allocated (never below zero). */
  unmet: string;
  /** allocated / requested and delivered / requested, 4 decimals half-even; null when nothing is requested. */
  shareAllocated: string | null;
  shareDelivered: string | null;
}

export interface CoverageRow {
  recipientId: string;
  pillar: string;
  needs: number;
  byUnit: Record<string, CoverageFigures>;
  usd: CoverageFigures;
}

const measures = ['requested', 'allocated', 'delivered'] as const;
type Measure = (typeof measures)[number];
type Sums = Record<Measure, Quantity>;

const shareOf = (part: Quantity, whole: Quantity): string | null => {
  const denominator = minorOf(whole);
  return denominator === 0n ? null : formatDecimal(divideHalfEven(minorOf(part) * 10_000n, denominator), 4);
};

function figuresOf({ requested, allocated, delivered }: Sums): CoverageFigures {
  const open = minus(requested, allocated);
  return {
    requested: requested.amount,
    allocated: allocated.amount,
    delivered: delivered.amount,
    unmet: minorOf(open) < 0n ? zeroOf(open.unit).amount : open.amount,
    shareAllocated: shareOf(allocated, requested),
    shareDelivered: shareOf(delivered, requested),
  };
}

const zeroSums = (unit: string): Sums => ({
  requested: zeroOf(unit),
  allocated: zeroOf(unit),
  delivered: zeroOf(unit),
});

function add(sums: Map<string, Sums>, unit: string, measure: Measure, amount: string): void {
  const current = sums.get(unit) ?? zeroSums(unit);
  sums.set(unit, { ...current, [measure]: plus(current[measure], { amount, unit }) });
}

/** Requested, allocated, delivered and unmet per recipient × pillar (assistance types together), per unit and in USD. */
export function coverageReport(cells: readonly CoverageCell[]): CoverageRow[] {
  const rows = new Map<
    string,
    { recipientId: string; pillar: string; needs: number; units: Map<string, Sums>; usd: Map<string, Sums> }
  >();
  for (const cell of cells) {
    const id = `${cell.recipientId}:${cell.pillar}`;
    const row = rows.get(id) ?? {
      recipientId: cell.recipientId,
      pillar: cell.pillar,
      needs: 0,
      units: new Map(),
      usd: new Map(),
    };
    row.needs += cell.needs;
    for (const measure of measures) {
      for (const [unit, amount] of Object.entries(cell[measure])) add(row.units, unit, measure, amount);
      add(row.usd, 'USD', measure, cell.usd[measure]);
    }
    rows.set(id, row);
  }
  return [...rows.values()]
    .sort((a, b) => a.recipientId.localeCompare(b.recipientId) || a.pillar.localeCompare(b.pillar))
    .map((row) => ({
      recipientId: row.recipientId,
      pillar: row.pillar,
      needs: row.needs,
      byUnit: Object.fromEntries(
        [...row.units].sort(([a], [b]) => a.localeCompare(b)).map(([unit, sums]) => [unit, figuresOf(sums)]),
      ),
      usd: figuresOf(row.usd.get('USD') ?? zeroSums('USD')),
    }));
}
