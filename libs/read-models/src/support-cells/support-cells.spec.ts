import {
  flowsWithUsd,
  ratesUsed,
  ratesUsedOfFlows,
  ratesUsedOfTotals,
  supportReport,
  supportReportOfFlows,
  supportReportOfTotals,
  totalsAnswer,
  type SupportQuery,
} from '@cm/reporting';
import { evolveAllocationView, type AllocationView } from '../allocations/allocation-view';
import { evolvePledgeView, type PledgeView } from '../pledges/pledge-view';
import { randomAllocationStream, randomOf, randomPledgeStream, type Random } from '../testing/report-streams';
import { crashingOnce, memoryDocuments } from '../testing/memory-documents';
import { projectAllocations, projectPledges, type SupportDocuments } from './support-cells-projection';
import { flowFieldsOfEntries, totalsOfCell, type SupportCellDoc, type SupportEntryDoc } from './support-cells';

/** Every state a record passes through, as the projector derives its cells after each batch. */
function statesOf<V>(evolve: (doc: V | null, e: never) => V | null, events: unknown[]): V[] {
  const states: V[] = [];
  let doc: V | null = null;
  for (const event of events) {
    doc = evolve(doc, event as never);
    if (doc) states.push(doc);
  }
  return states;
}

type Versioned = { id: string; version: number };

/** A batch's states as applyToStreamViews hands them on: one per record, its newest in the batch. */
const newestOf = <V>(batch: V[]): V[] => {
  const newest = new Map<string, V>();
  for (const state of batch as (V & Versioned)[]) {
    const known = newest.get(state.id) as (V & Versioned) | undefined;
    if (!known || known.version < state.version) newest.set(state.id, state);
  }
  return [...newest.values()];
};

/**
 * Projects the states in a shuffled order with replays, in random batches, as redeliveries do; a batch may crash
 * once after the cell's write, before the entries' or before the pending marks' removal (then it is redelivered whole).
 */
async function projected<V>(
  random: Random,
  states: V[],
  project: (documents: SupportDocuments, records: V[]) => Promise<void>,
) {
  const documents = { cells: memoryDocuments(), entries: memoryDocuments() };
  const shuffled = states.map((state) => [random.next(), state] as const).sort(([a], [b]) => a - b);
  const replays = states.filter(() => random.next() < 0.2);
  const sequence = [...shuffled.map(([, s]) => s), ...replays];
  for (let start = 0; start < sequence.length;) {
    const batch = sequence.slice(start, (start += 1 + random.int(8)));
    const latest = newestOf(batch);
    const crash = random.next();
    if (crash < 0.1) {
      await project({ ...documents, entries: crashingOnce(documents.entries) }, latest).catch(() => undefined);
    } else if (crash < 0.2) {
      await project({ ...documents, cells: crashingOnce(documents.cells) }, latest).catch(() => undefined);
    }
    await project(documents, latest);
  }
  return {
    cells: documents.cells.all() as unknown as SupportCellDoc[],
    entries: documents.entries.all() as unknown as SupportEntryDoc[],
  };
}

const queries: SupportQuery[] = [
  { groupBy: ['donor', 'year'] },
  { groupBy: ['donor', 'year'], basis: 'daily' },
  { groupBy: [] },
  { groupBy: ['recipient', 'pillar', 'assistanceType'] },
  { groupBy: ['year', 'donor'], from: '2021-03-01', to: '2023-10-31' },
  { groupBy: ['donor'], from: '2021-01-01', to: '2023-12-31' },
  { groupBy: ['pillar'], from: '2022-01-01', basis: 'daily' },
];

describe('support cells kept by the projector', () => {
  it.each([1, 2, 3, 4, 5])(
    'answer every support query as the per-request computation does, from totals or entries (seed %i)',
    async (seed) => {
      const random = randomOf(seed);
      const pledgeStates = Array.from({ length: 60 }, (_, i) =>
        statesOf<PledgeView>(evolvePledgeView as never, randomPledgeStream(random, `p${seed}-${i}`)),
      );
      const allocationStates = Array.from({ length: 60 }, (_, i) =>
        statesOf<AllocationView>(evolveAllocationView as never, randomAllocationStream(random, `a${seed}-${i}`)),
      );
      const input = {
        pledges: pledgeStates.map((s) => s.at(-1)!),
        allocations: allocationStates.map((s) => s.at(-1)!),
      };
      const pledges = await projected(random, pledgeStates.flat(), projectPledges);
      const allocations = await projected(random, allocationStates.flat(), projectAllocations);
      const cells = [...pledges.cells, ...allocations.cells];
      expect(cells.every((cell) => Object.keys(cell.pending).length === 0)).toBe(true);
      const totals = cells.flatMap(totalsOfCell);
      const fields = [...flowFieldsOfEntries(pledges.entries), ...flowFieldsOfEntries(allocations.entries)];
      expect(fields.length).toBeGreaterThan(50);
      for (const query of queries) {
        const flows = flowsWithUsd(fields, query.basis ?? 'annual');
        expect(supportReportOfFlows(flows, query)).toEqual(supportReport(input, query));
        expect(ratesUsedOfFlows(flows, query)).toEqual(ratesUsed(input, query));
        if (!totalsAnswer(query)) continue;
        expect(supportReportOfTotals(totals, query)).toEqual(supportReport(input, query));
        expect(ratesUsedOfTotals(totals, query)).toEqual(ratesUsed(input, query));
      }
    },
  );

  it('ends in the same documents whatever the order, batches, replays and crashes (seed 7)', async () => {
    const random = randomOf(7);
    const states = Array.from({ length: 40 }, (_, i) =>
      statesOf<PledgeView>(evolvePledgeView as never, randomPledgeStream(random, `p${i}`)),
    ).flat();
    const documents = { cells: memoryDocuments(), entries: memoryDocuments() };
    for (const state of states) await projectPledges(documents, [state]);
    const inOrder = { cells: documents.cells.all(), entries: documents.entries.all() };
    for (const seed of [11, 12, 13]) {
      expect(await projected(randomOf(seed), states, projectPledges)).toEqual(inOrder);
    }
  });
});
