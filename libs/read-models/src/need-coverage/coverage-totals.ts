import { minus, plus, zeroOf, type AssistanceType, type Pillar, type Quantity } from '@cm/domain';
import { groupBy } from '../projections/batch-apply';
import { applyTotals, type TotalsBookkeeping, type TotalsOf } from '../projections/cell-totals';
import type { ModelDocuments } from '../projections/documents';
import type { NeedView } from '../needs/need-view';
import { contributionOf, coverageIdOf, type CoverageDoc, type CoverageTotals, type NeedContribution } from './coverage';

const measures = ['requested', 'allocated', 'delivered'] as const;
type Measure = (typeof measures)[number];

/** One measure's sums per unit, with how many needs count in each unit (a unit no need counts in disappears). */
type UnitSums = Record<string, { needs: number; amount: string }>;

/**
 * The coverage report's totals of one recipient × pillar × assistance type, kept beside the coverage cell (whose
 * per-need entries stay the guard and what the coalition pipeline reads), so that the report reads O(cells) bytes.
 */
export interface CoverageTotalsDoc extends TotalsBookkeeping<NeedContribution> {
  readonly recipientId: string;
  readonly pillar: Pillar;
  readonly assistanceType: AssistanceType;
  readonly byUnit: Readonly<Record<Measure, UnitSums>>;
  readonly usd: Readonly<Record<Measure, string>>;
}

type CoverageTotalsFields = Omit<CoverageTotalsDoc, keyof TotalsBookkeeping<NeedContribution>>;

function withUnit(sums: UnitSums, quantity: Quantity, sign: 1 | -1): UnitSums {
  const known = sums[quantity.unit] ?? { needs: 0, amount: zeroOf(quantity.unit).amount };
  const amount = (sign === 1 ? plus : minus)({ amount: known.amount, unit: quantity.unit }, quantity).amount;
  const needs = known.needs + sign;
  const rest = Object.fromEntries(Object.entries(sums).filter(([unit]) => unit !== quantity.unit));
  const units = needs === 0 ? rest : { ...rest, [quantity.unit]: { needs, amount } };
  return Object.fromEntries(Object.entries(units).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const withUsd = (sum: string, usd: string | undefined, sign: 1 | -1) =>
  usd === undefined
    ? sum
    : (sign === 1 ? plus : minus)({ amount: sum, unit: 'USD' }, { amount: usd, unit: 'USD' }).amount;

const [recipientOf, pillarOf, typeOf] = [0, 1, 2].map((i) => (cellId: string) => cellId.split(':')[i]);

/** How a need's entry changes its cell's totals. */
export const coverageTotals: TotalsOf<NeedContribution, CoverageTotalsFields> = {
  empty: (cellId) => ({
    recipientId: recipientOf(cellId),
    pillar: pillarOf(cellId) as Pillar,
    assistanceType: typeOf(cellId) as AssistanceType,
    byUnit: { requested: {}, allocated: {}, delivered: {} },
    usd: { requested: zeroOf('USD').amount, allocated: zeroOf('USD').amount, delivered: zeroOf('USD').amount },
  }),
  add: (cell, entry, sign) => ({
    ...cell,
    byUnit: Object.fromEntries(measures.map((m) => [m, withUnit(cell.byUnit[m], entry[m], sign)])) as never,
    usd: Object.fromEntries(measures.map((m) => [m, withUsd(cell.usd[m], entry.usd?.[m], sign)])) as never,
  }),
  open: (fields) => fields,
  close: (cell) => cell,
};

/** The totals as coverageTotalsOf gives them from the cell's entries. */
export function coverageTotalsOfDoc(doc: CoverageTotalsDoc): CoverageTotals {
  const amounts = (m: Measure) => Object.fromEntries(Object.entries(doc.byUnit[m]).map(([u, s]) => [u, s.amount]));
  return {
    recipientId: doc.recipientId,
    pillar: doc.pillar,
    assistanceType: doc.assistanceType,
    needs: doc.sources,
    requested: amounts('requested'),
    allocated: amounts('allocated'),
    delivered: amounts('delivered'),
    usd: { ...doc.usd },
  };
}

/**
 * Keeps the coverage cells' per-need entries (version-guarded, as evolveCoverage does) and their totals: the totals
 * are written first with the entries pending in them, then the entries in the cells (see applyTotals).
 */
export async function projectCoverage(cells: ModelDocuments, totals: ModelDocuments, needs: readonly NeedView[]) {
  if (needs.length === 0) return;
  const loaded = await cells.load([...new Set(needs.map(coverageIdOf))]);
  const changes = needs.map((need) => ({
    cellId: coverageIdOf(need),
    sourceId: need.id,
    version: need.version,
    stored: ((loaded.get(coverageIdOf(need)) as CoverageDoc | undefined)?.contributions[need.id] ?? null) as never,
    entry: () => contributionOf(need),
  }));
  await applyTotals(totals, changes, coverageTotals, (settled) =>
    cells.write(
      [...groupBy(settled, (entry) => entry.cellId)].map(([cellId, entries]) => ({
        kind: 'set',
        _id: cellId,
        fields: {
          recipientId: recipientOf(cellId),
          pillar: pillarOf(cellId),
          assistanceType: typeOf(cellId),
          ...Object.fromEntries(entries.map(({ sourceId, entry }) => [`contributions.${sourceId}`, entry])),
        },
      })),
    ),
  );
}
