import { crashingOnce, memoryDocuments } from '../testing/memory-documents';
import { applyTotals, emptyFingerprint, type TotalsOf } from './cell-totals';
import type { ModelDocuments } from './documents';

interface Entry {
  version: number;
  amount: number;
}

const sums: TotalsOf<Entry, { total: number }> = {
  empty: () => ({ total: 0 }),
  add: (cell, entry, sign) => ({ total: cell.total + sign * entry.amount }),
  open: (fields) => fields,
  close: (cell) => cell,
};

/** A source's state: version and amount, always in cell `c`. */
const state = (sourceId: string, version: number, amount: number) => ({ sourceId, version, amount });
type State = ReturnType<typeof state>;

function writer(cells: ModelDocuments, entries: ModelDocuments) {
  return async (states: State[]) => {
    const stored = await entries.load(states.map((s) => s.sourceId));
    const changes = states.map((s) => ({
      cellId: 'c',
      sourceId: s.sourceId,
      version: s.version,
      stored: (stored.get(s.sourceId) as Entry | undefined) ?? null,
      entry: () => ({ version: s.version, amount: s.amount }),
    }));
    await applyTotals(cells, changes, sums, (settled) =>
      entries.write(settled.map(({ sourceId, entry }) => ({ kind: 'replace', _id: sourceId, doc: entry }))),
    );
  };
}

function model() {
  const cells = memoryDocuments();
  const entries = memoryDocuments();
  return { cells, entries, apply: writer(cells, entries), cell: () => cells.all()[0] };
}

describe('totals cells (applyTotals)', () => {
  it('count a replayed batch once, however often it comes', async () => {
    const { apply, cell } = model();
    await apply([state('a', 1, 10), state('b', 1, 5)]);
    const once = cell();
    await apply([state('a', 1, 10), state('b', 1, 5)]);
    await apply([state('b', 1, 5), state('a', 1, 10)]);
    expect(cell()).toEqual(once);
    expect(once).toMatchObject({ total: 15, sources: 2, pending: {} });
  });

  it('replace a source’s amount by its newer version and ignore an older one arriving late', async () => {
    const { apply, cell, entries } = model();
    await apply([state('a', 2, 7)]);
    await apply([state('a', 1, 10)]);
    await apply([state('b', 1, 5)]);
    await apply([state('a', 3, 1)]);
    await apply([state('a', 2, 7)]);
    expect(cell()).toMatchObject({ total: 6, sources: 2 });
    expect(entries.all().map((e) => [e._id, e.version])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });

  it('end in the same document whatever the order and the batches (the fingerprint included)', async () => {
    const first = model();
    await first.apply([state('a', 1, 10), state('b', 1, 5)]);
    await first.apply([state('a', 2, 3)]);
    const second = model();
    await second.apply([state('b', 1, 5)]);
    await second.apply([state('a', 2, 3)]);
    await second.apply([state('a', 1, 10)]);
    expect(second.cell()).toEqual(first.cell());
    expect(first.cell().fingerprint).not.toBe(emptyFingerprint);
  });

  it('do not count twice a batch that crashed after the cell was written, before the entries', async () => {
    const { cells, entries, apply, cell } = model();
    await apply([state('a', 1, 10)]);
    await expect(writer(cells, crashingOnce(entries))([state('a', 2, 4), state('b', 1, 5)])).rejects.toThrow();
    expect(cell()).toMatchObject({ total: 9, pending: { a: { version: 2 }, b: { version: 1 } } });
    expect(entries.all().map((e) => e.version)).toEqual([1]);
    await apply([state('a', 2, 4), state('b', 1, 5)]);
    expect(cell()).toMatchObject({ total: 9, sources: 2, pending: {} });
    expect(entries.all().map((e) => e.version)).toEqual([2, 1]);
  });

  it('settle a crashed batch’s entries also when the redelivery brings a newer state', async () => {
    const { cells, entries, apply, cell } = model();
    await expect(writer(crashingOnce(cells), entries)([state('a', 1, 10)])).rejects.toThrow();
    await expect(writer(cells, crashingOnce(entries))([state('a', 2, 4)])).rejects.toThrow();
    await apply([state('a', 3, 1)]);
    expect(cell()).toMatchObject({ total: 1, sources: 1, pending: {} });
    expect(entries.all()).toMatchObject([{ _id: 'a', version: 3, amount: 1 }]);
  });

  it('let two writers of one cell both count: the second reloads when the first came first', async () => {
    const { cells, entries, cell } = model();
    let loads = 0;
    // Both writers load the cell before either writes it.
    const gate = new Promise<void>((resolve) => setTimeout(resolve, 10));
    const racing: ModelDocuments = {
      load: async (ids) => {
        const found = await cells.load(ids);
        if (++loads <= 2) await gate;
        return found;
      },
      setIf: (write) => cells.setIf(write),
      write: (writes) => cells.write(writes),
    };
    await Promise.all([writer(racing, entries)([state('a', 1, 10)]), writer(racing, entries)([state('b', 1, 5)])]);
    expect(cell()).toMatchObject({ total: 15, sources: 2, pending: {} });
    expect(loads).toBe(3);
  });
});
