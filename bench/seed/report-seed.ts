import type { Db, Document } from 'mongodb';
import {
  collectionNameOf,
  evolveAllocationSupportCell,
  evolveAllocationView,
  evolvePledgeSupportCell,
  evolvePledgeView,
  type AllocationView,
  type PledgeView,
  type ReadModelName,
  type SupportCellDoc,
} from '@cm/read-models';
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

function cellsOf<V>(views: V[], evolve: (doc: SupportCellDoc | null, view: V) => SupportCellDoc) {
  const cells = new Map<string, SupportCellDoc>();
  for (const view of views) {
    const id = evolve(null, view)._id;
    cells.set(id, evolve(cells.get(id) ?? null, view));
  }
  return [...cells.values()];
}

async function insertAll(db: Db, model: ReadModelName, docs: readonly Document[]) {
  const collection = db.collection(collectionNameOf(model, 'g0'));
  for (let i = 0; i < docs.length; i += 1000) await collection.insertMany(docs.slice(i, i + 1000) as Document[]);
}

/** Inserts the views and the support cells the projector would have kept for them, in bulk. */
export async function seedReports(db: Db, views: ReturnType<typeof reportViews>): Promise<void> {
  await insertAll(db, 'pledges', views.pledges);
  await insertAll(db, 'allocations', views.allocations);
  await insertAll(db, 'pledge_support_cells', cellsOf(views.pledges, evolvePledgeSupportCell));
  await insertAll(db, 'allocation_support_cells', cellsOf(views.allocations, evolveAllocationSupportCell));
}
