import type { Db, Document } from 'mongodb';
import {
  collectionNameOf,
  evolveAllocationView,
  evolvePledgeView,
  projectAllocations,
  projectPledges,
  type AllocationView,
  type PledgeView,
  type ReadModelName,
} from '@cm/read-models';
import { MemoryDocuments } from '../../libs/read-models/src/projections/memory-documents';
import {
  randomAllocationStream,
  randomOf,
  randomPledgeStream,
} from '../../libs/read-models/src/testing/report-streams';

const fold = <V>(evolve: (doc: V | null, e: never) => V | null, events: unknown[]) =>
  events.reduce<V | null>((doc, event) => evolve(doc, event as never), null)!;

/** `count` pledges and `count` allocations: random domain events folded through the projections' own pure code. */
export function reportViews(count: number, seed: number, donorId?: string) {
  const random = randomOf(seed);
  const tag = donorId ?? `s${seed}`;
  const pledges = Array.from({ length: count }, (_, i) => {
    const view = fold<PledgeView>(evolvePledgeView as never, randomPledgeStream(random, `${tag}-p${i}`));
    return donorId ? { ...view, donorId } : view;
  });
  const allocations = Array.from({ length: count }, (_, i) => {
    const view = fold<AllocationView>(evolveAllocationView as never, randomAllocationStream(random, `${tag}-a${i}`));
    return donorId ? { ...view, donorId, pledgeId: pledges[i].id } : view;
  });
  return { pledges, allocations };
}

export const say = (line: string) => console.log(`  [seed ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Large batches: the seed has no crash to survive, and each batch unpacks and packs the cells it touches once. */
const BATCH = 1_000;

/** A model held in memory as a rebuild holds it, and written out with `insertMany` (see MemoryDocuments.flush). */
export const inMemory = (db: Db, model: ReadModelName) =>
  new MemoryDocuments(db, db.collection(collectionNameOf(model, 'g0')));

export async function insertAll(db: Db, model: ReadModelName, docs: readonly Document[]) {
  const collection = db.collection(collectionNameOf(model, 'g0'));
  for (let i = 0; i < docs.length; i += 1000) {
    await collection.insertMany(docs.slice(i, i + 1000) as Document[]);
    if ((i / 1000) % 20 === 19) say(`${model}: ${i + 1000} of ${docs.length} inserted`);
  }
  say(`${model}: ${docs.length} inserted`);
}

/** Projects the records in batches through the projector's own code, in memory, then writes the documents out. */
async function projectAll<V>(
  label: string,
  records: readonly V[],
  project: (documents: { cells: MemoryDocuments; entries: MemoryDocuments }, batch: V[]) => Promise<void>,
  documents: { cells: MemoryDocuments; entries: MemoryDocuments },
) {
  for (let i = 0; i < records.length; i += BATCH) {
    await project(documents, records.slice(i, i + BATCH));
    if ((i / BATCH) % 20 === 19) say(`${label}: ${i + BATCH} of ${records.length} projected`);
  }
  say(
    `${label}: ${records.length} projected; writing ${documents.cells.pending} cells, ${documents.entries.pending} entries`,
  );
  await documents.cells.flush();
  await documents.entries.flush();
}

/** Inserts the views and the support cells and entries the projector would have kept for them, in bulk. */
export async function seedReports(db: Db, views: ReturnType<typeof reportViews>): Promise<void> {
  await insertAll(db, 'pledges', views.pledges);
  await insertAll(db, 'allocations', views.allocations);
  await projectAll('pledge support', views.pledges, projectPledges, {
    cells: inMemory(db, 'pledge_support_cells'),
    entries: inMemory(db, 'pledge_support_entries'),
  });
  await projectAll('allocation support', views.allocations, projectAllocations, {
    cells: inMemory(db, 'allocation_support_cells'),
    entries: inMemory(db, 'allocation_support_entries'),
  });
}
