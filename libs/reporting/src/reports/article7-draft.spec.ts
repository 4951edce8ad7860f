import type { RateBasis } from '@cm/domain';
import { Article7Draft, article7RowOf, type Article7Report } from './article7-draft';
import { article7Csv, article7CsvChunks, article7Report } from './article7-report';
import { allocations, input, participants, pledges } from './fixtures';
import { disputedDeliveryFlows, flowKinds, flowsOf, type Flow, type FlowKind } from './flows';
import type { ReportAllocation, ReportPledge } from './report-input';
import { totalOf } from './totals';

/**
 * The report as it was computed before the draft, from the whole input at once: every flow of every record, then the
 * year's, then the participant's. The draft must give exactly this, whatever order the records come in.
 */
function wholeInputReport(
  records: { pledges: readonly ReportPledge[]; allocations: readonly ReportAllocation[] },
  participantId: string,
  year: number,
  basis: RateBasis,
): Article7Report {
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const ofYear = flowsOf(records, basis).filter((flow) => flow.year === year);
  const provided = ofYear.filter((flow) => flow.donorId === participantId);
  const received = ofYear.filter((flow) => flow.recipientId === participantId && flow.kind !== 'pledged');
  const disputed = records.allocations
    .flatMap((allocation) => disputedDeliveryFlows(allocation, basis))
    .filter((flow) => flow.year === year);
  const rows = [
    ...provided.map((flow) => article7RowOf(flow, 'provided', names, false)),
    ...received.map((flow) => article7RowOf(flow, 'received', names, false)),
    ...disputed
      .filter((flow) => flow.donorId === participantId)
      .map((flow) => article7RowOf(flow, 'provided', names, true)),
    ...disputed
      .filter((flow) => flow.recipientId === participantId)
      .map((flow) => article7RowOf(flow, 'received', names, true)),
  ].sort(
    (a, b) =>
      a.direction.localeCompare(b.direction) ||
      a.date.localeCompare(b.date) ||
      flowKinds.indexOf(a.kind) - flowKinds.indexOf(b.kind) ||
      Number(a.disputed) - Number(b.disputed) ||
      a.reference.localeCompare(b.reference),
  );
  const totalsOf = (flows: Flow[]) =>
    Object.fromEntries(flowKinds.map((kind) => [kind, totalOf(flows.filter((f) => f.kind === kind))])) as Record<
      FlowKind,
      ReturnType<typeof totalOf>
    >;
  return { participantId, year, basis, rows, totals: { provided: totalsOf(provided), received: totalsOf(received) } };
}

// The fixtures, with a disputed delivery of 2022, one of 2024 and a donor's allocation to itself added.
const a1 = allocations.find((allocation) => allocation.id === 'A1')!;
const a5 = allocations.find((allocation) => allocation.id === 'A5')!;
const records = {
  pledges,
  allocations: [
    ...allocations.map((allocation) =>
      allocation.id === 'A5'
        ? {
            ...a5,
            deliveries: {
              ...a5.deliveries,
              d9: { id: 'd9', amount: { amount: '0.05', unit: 'USD' }, deliveredOn: '2022-05-01', status: 'disputed' },
            },
          }
        : allocation,
    ),
    {
      ...a1,
      id: 'A6',
      recipientId: 'NOR',
      committedOn: '2024-02-01',
      deliveries: {
        d6: { id: 'd6', amount: { amount: '0.04', unit: 'EUR' }, deliveredOn: '2024-09-01', status: 'disputed' },
        d7: { id: 'd7', amount: { amount: '0.06', unit: 'EUR' }, deliveredOn: '2025-02-01', status: 'confirmed' },
      },
    },
  ],
};

type Record7 = { pledge: ReportPledge } | { allocation: ReportAllocation };
const given: Record7[] = [
  ...records.pledges.map((pledge) => ({ pledge })),
  ...records.allocations.map((allocation) => ({ allocation })),
];
const orders: Record<string, Record7[]> = {
  'as read': given,
  reversed: [...given].reverse(),
  'allocations first': [...given.slice(records.pledges.length), ...given.slice(0, records.pledges.length)],
  interleaved: given.map((_, i) => given[(i * 3) % given.length]),
};

function drafted(order: readonly Record7[], participantId: string, year: number, basis: RateBasis) {
  const draft = new Article7Draft(participantId, year, basis);
  for (const record of order) {
    if ('pledge' in record) draft.addPledge(record.pledge);
    else draft.addAllocation(record.allocation);
  }
  return draft;
}

const names = new Map(participants.map((p) => [p.id, p.name]));
const cases = participants.flatMap(({ id }) =>
  [2021, 2022, 2023, 2024, 2025].flatMap((year) =>
    (['annual', 'daily'] as const).map((basis) => ({ id, year, basis })),
  ),
);

describe('Article7Draft: the report gathered one record at a time', () => {
  it('has rows in every case worth comparing', () => {
    expect(new Set(orders.interleaved).size).toBe(given.length);
    const rows = cases.map(({ id, year, basis }) => wholeInputReport(records, id, year, basis).rows);
    expect(rows.filter((r) => r.length > 0).length).toBeGreaterThan(10);
    expect(rows.flat().filter((row) => row.disputed).length).toBeGreaterThan(2);
  });

  describe.each(Object.keys(orders))('records fed %s', (order) => {
    it.each(cases)('gives the whole-input report of $id in $year ($basis)', ({ id, year, basis }) => {
      const expected = wholeInputReport(records, id, year, basis);
      expect(drafted(orders[order], id, year, basis).report(names)).toEqual(expected);
      expect(article7Report({ ...records, participants }, id, year, basis)).toEqual(expected);
    });
  });

  it.each(cases)('needs the names of only the counterparts it lists ($id, $year)', ({ id, year, basis }) => {
    const draft = drafted(given, id, year, basis);
    const ids = draft.counterpartIds();
    const report = draft.report(new Map(ids.flatMap((one) => (names.has(one) ? [[one, names.get(one)!]] : []))));
    expect(report).toEqual(draft.report(names));
    const listed = report.rows.map((row) => row.counterpartId).filter((one) => one !== null);
    expect([...ids].sort()).toEqual([...new Set(listed)].sort());
  });

  it('keeps a year with no record empty, with zero totals', () => {
    const report = drafted(given, 'NOR', 2030, 'annual').report(names);
    expect(report.rows).toEqual([]);
    expect(report.totals.provided.delivered).toEqual({ count: 0, byUnit: {}, usd: '0.00', withoutUsd: 0 });
  });
});

describe('article7CsvChunks', () => {
  const reports = cases.map(({ id, year, basis }) => article7Report({ ...records, participants }, id, year, basis));

  it.each([1, 2, 500])('writes the same text as article7Csv, %i rows a chunk after the header', (size) => {
    for (const report of reports) {
      const chunks = [...article7CsvChunks(report, size)];
      expect(chunks.join('')).toBe(article7Csv(report));
      expect(chunks).toHaveLength(1 + Math.ceil(report.rows.length / size));
    }
  });

  it('quotes a name in a chunk as the whole text does', () => {
    const report = article7Report(
      { ...input, participants: [{ id: 'USA', name: '=United States, "USA"' }] },
      'LAO',
      2022,
    );
    const [header, ...rest] = article7CsvChunks(report, 1);
    expect(header).toBe(article7Csv(report).split('\r\n')[0] + '\r\n');
    expect(rest[0]).toContain(`"'=United States, ""USA"""`);
  });
});
