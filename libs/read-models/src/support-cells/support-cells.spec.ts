import {
  flowsWithUsd,
  ratesUsed,
  ratesUsedOfFlows,
  supportReport,
  supportReportOfFlows,
  type SupportQuery,
} from '@cm/reporting';
import { evolveAllocationView, type AllocationView } from '../allocations/allocation-view';
import { evolvePledgeView, type PledgeView } from '../pledges/pledge-view';
import { randomAllocationStream, randomOf, randomPledgeStream, type Random } from '../testing/report-streams';
import {
  evolveAllocationSupportCell,
  evolvePledgeSupportCell,
  flowFieldsOfCells,
  type SupportCellDoc,
} from './support-cells';

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

/** Applies the states to the cells in a shuffled order with replays, as redeliveries and crashes may. */
function cellsOf<V>(random: Random, states: V[], evolve: (doc: SupportCellDoc | null, view: V) => SupportCellDoc) {
  const cells = new Map<string, SupportCellDoc>();
  const shuffled = states.map((state) => [random.next(), state] as const).sort(([a], [b]) => a - b);
  const replays = states.filter(() => random.next() < 0.2);
  for (const state of [...shuffled.map(([, s]) => s), ...replays]) {
    const id = evolve(null, state)._id;
    cells.set(id, evolve(cells.get(id) ?? null, state));
  }
  return [...cells.values()];
}

const queries: SupportQuery[] = [
  { groupBy: ['donor', 'year'] },
  { groupBy: ['donor', 'year'], basis: 'daily' },
  { groupBy: [] },
  { groupBy: ['recipient', 'pillar', 'assistanceType'] },
  { groupBy: ['year', 'donor'], from: '2021-03-01', to: '2023-10-31' },
  { groupBy: ['pillar'], from: '2022-01-01', basis: 'daily' },
];

describe('support cells kept by the projector', () => {
  it.each([1, 2, 3, 4, 5])(
    'answer every support query as the per-request computation does (random sequence, seed %i)',
    (seed) => {
      const random = randomOf(seed);
      const pledgeStreams = Array.from({ length: 60 }, (_, i) => randomPledgeStream(random, `p${seed}-${i}`));
      const allocationStreams = Array.from({ length: 60 }, (_, i) => randomAllocationStream(random, `a${seed}-${i}`));
      const pledgeStates = pledgeStreams.map((events) => statesOf<PledgeView>(evolvePledgeView as never, events));
      const allocationStates = allocationStreams.map((events) =>
        statesOf<AllocationView>(evolveAllocationView as never, events),
      );
      const input = {
        pledges: pledgeStates.map((s) => s.at(-1)!),
        allocations: allocationStates.map((s) => s.at(-1)!),
      };
      const pledgeCells = cellsOf(random, pledgeStates.flat(), evolvePledgeSupportCell);
      const allocationCells = cellsOf(random, allocationStates.flat(), evolveAllocationSupportCell);
      const fields = [...flowFieldsOfCells(pledgeCells), ...flowFieldsOfCells(allocationCells)];
      expect(fields.length).toBeGreaterThan(50);
      for (const query of queries) {
        const flows = flowsWithUsd(fields, query.basis ?? 'annual');
        expect(supportReportOfFlows(flows, query)).toEqual(supportReport(input, query));
        expect(ratesUsedOfFlows(flows, query)).toEqual(ratesUsed(input, query));
      }
    },
  );

  it('keeps a record in one cell whatever its revisions, and an older state never overwrites a newer', () => {
    const random = randomOf(42);
    const states = statesOf<PledgeView>(evolvePledgeView as never, randomPledgeStream(random, 'p1'));
    const newest = states.reduce<SupportCellDoc | null>(evolvePledgeSupportCell, null)!;
    expect(new Set(states.map((state) => evolvePledgeSupportCell(null, state)._id)).size).toBe(1);
    expect(evolvePledgeSupportCell(newest, states[0])).toBe(newest);
    expect(newest.contributions.p1.version).toBe(states.at(-1)!.version);
  });
});
