import type { NeedView } from '../needs/need-view';
import { evolveNeedView } from '../needs/need-view';
import { fold, q, streamOf } from '../testing/envelopes';
import { crashingOnce, memoryDocuments } from '../testing/memory-documents';
import { randomOf } from '../testing/report-streams';
import { coverageTotalsOf, evolveCoverage, type CoverageDoc } from './coverage';
import { coverageTotalsOfDoc, projectCoverage, type CoverageTotalsDoc } from './coverage-totals';

function needStates(id: string, unit: string, amount: string, allocated: string, pillar = 'victim_assistance') {
  const event = streamOf('need', id);
  const events = [
    event('NeedPosted', {
      needId: id,
      requesterId: 'LAO',
      pillar,
      assistanceType: 'financial',
      title: 'Rehabilitation',
      quantity: q(amount, unit),
      priority: 'high',
      postedAt: '2024-05-01T00:00:00.000Z',
    }),
    event('NeedCapacityReserved', {
      needId: id,
      allocationId: `a-${id}`,
      amount: q(allocated, unit),
      status: 'partially_allocated',
    }),
    event('NeedWithdrawn', { needId: id, reason: 'covered elsewhere', openAllocationIds: [] }),
  ];
  return events.map((_, i) => fold(evolveNeedView, events.slice(0, i + 1))!);
}

const states: NeedView[] = [
  ...needStates('n-a', 'USD', '0.10', '0.05'),
  ...needStates('n-b', 'USD', '0.20', '0.20'),
  ...needStates('n-c', 'EUR', '3.00', '1.00'),
  ...needStates('n-d', 'kits', '4.00', '2.00', 'clearance'),
].filter((state) => state !== undefined);

/** What the coverage report reads, from the cells' entries (the reference) or from the totals kept beside them. */
const byEntries = (cells: CoverageDoc[]) => cells.map(coverageTotalsOf);
const byTotals = (totals: CoverageTotalsDoc[]) => totals.map(coverageTotalsOfDoc);

describe('coverage totals kept beside the coverage cells', () => {
  it.each([1, 2, 3])(
    'equal the sums of the cells’ entries, whatever the order, replays and crashes (seed %i)',
    async (seed) => {
      const random = randomOf(seed);
      const cells = memoryDocuments();
      const totals = memoryDocuments();
      const sequence = [...states, ...states.filter(() => random.next() < 0.3)]
        .map((state) => [random.next(), state] as const)
        .sort(([a], [b]) => a - b)
        .map(([, state]) => state);
      for (const need of sequence) {
        const crash = random.next();
        if (crash < 0.15) await projectCoverage(crashingOnce(cells), totals, [need]).catch(() => undefined);
        else if (crash < 0.3) await projectCoverage(cells, crashingOnce(totals), [need]).catch(() => undefined);
        await projectCoverage(cells, totals, [need]);
      }
      const reference = Object.values(
        states.reduce<Record<string, CoverageDoc>>((docs, need) => {
          const id = `LAO:${need.pillar}:${need.assistanceType}`;
          return { ...docs, [id]: evolveCoverage(docs[id] ?? null, need) };
        }, {}),
      ).sort((a, b) => (a._id < b._id ? -1 : 1));
      expect(cells.all()).toEqual(reference);
      expect(byTotals(totals.all() as CoverageTotalsDoc[])).toEqual(byEntries(reference));
      expect(totals.all().every((doc) => Object.keys(doc.pending).length === 0)).toBe(true);
    },
  );
});
