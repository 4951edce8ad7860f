/**
 * The operations bench/backends.ts times on each backend, through the raw driver: the writes the event store and the
 * projector issue, reads by `_id`, and the list query shapes of the api (apps/api/src/queries/read-model-queries.ts
 * through libs/read-models/src/queries/list-page.ts: equality filters, `_id` order, limit + 1, cursor `_id > after`).
 */
import { performance } from 'node:perf_hooks';
import type { Collection, Db, Document, Filter } from 'mongodb';

export const requesters = 50;
export const statuses = ['open', 'partially_allocated', 'allocated', 'closed'] as const;
const filler = 'x'.repeat(600);

/** Sortable like the UUIDv7 record ids: `_id` order is insertion order. */
export const idOf = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const needOf = (n: number) => ({
  _id: idOf(n),
  requesterId: `state-${n % requesters}`,
  status: statuses[Math.floor(n / requesters) % statuses.length],
  pillar: ['victim_assistance', 'clearance', 'risk_education'][n % 3],
  title: `need ${n}`,
  notes: filler,
});

export type Need = ReturnType<typeof needOf>;

/** Seeds documents [from, to) in batches of 1,000 (insertMany, unordered). */
export async function seed(collection: Collection<Need>, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, to - start) }, (_, i) => needOf(start + i));
    await collection.insertMany(batch, { ordered: false });
  }
}

export interface Latency {
  samples: number;
  p50: number;
  p99: number;
}

/** Sequential samples until `maxSamples` or `budgetMs` (at least 3), in milliseconds. */
export async function latency(op: (i: number) => Promise<unknown>, maxSamples = 60, budgetMs = 6000): Promise<Latency> {
  const times: number[] = [];
  await op(-1); // warm-up
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < maxSamples && (times.length < 3 || performance.now() < deadline); i++) {
    const started = performance.now();
    await op(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { samples: times.length, p50: at(0.5), p99: at(0.99) };
}

/** Operations per second of `op` from `concurrency` workers, `total` operations in all. */
export async function rate(op: (i: number) => Promise<unknown>, total: number, concurrency = 1): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await op(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export interface ListShape {
  name: string;
  /** The i-th sample's filter (i = -1 for the warm-up); docs = collection size. */
  filter: (i: number, docs: number) => Filter<Need>;
}

/** Matching ids of requester r with status s are n ≡ r (mod 50) with ⌊n/50⌋ ≡ s (mod 4): every 200th from r + 50s. */
const matchAt = (r: number, s: number, k: number) => r + requesters * s + requesters * statuses.length * k;

const requesterOf = (i: number) => Math.abs(i * 7) % requesters;
const cursorOf = (i: number, docs: number) => {
  const r = requesterOf(i);
  const perRequesterStatus = docs / (requesters * statuses.length);
  return idOf(matchAt(r, 1, Math.floor((((Math.abs(i) * 37) % 100) / 100) * perRequesterStatus)));
};

export const listShapes: ListShape[] = [
  {
    name: 'list {requesterId, status}, sort _id, limit 21',
    filter: (i) => ({ requesterId: `state-${requesterOf(i)}`, status: statuses[1] }),
  },
  {
    name: 'list {requesterId, status, _id > cursor} (any page)',
    filter: (i, docs) => ({
      requesterId: `state-${requesterOf(i)}`,
      status: statuses[1],
      _id: { $gt: cursorOf(i, docs) },
    }),
  },
  {
    name: 'list $and[{requesterId, status}, {_id > cursor}] (old shape)',
    filter: (i, docs) => ({
      $and: [{ requesterId: `state-${requesterOf(i)}`, status: statuses[1] }, { _id: { $gt: cursorOf(i, docs) } }],
    }),
  },
  { name: 'list {} (first page), sort _id, limit 21', filter: () => ({}) },
  {
    name: 'list {_id > cursor} (any page), limit 21',
    filter: (i, docs) => ({ _id: { $gt: idOf(Math.floor((((Math.abs(i) * 37) % 100) / 100) * docs)) } }),
  },
];

export const listPageQuery = (collection: Collection<Need>, filter: Filter<Need>) =>
  collection.find(filter).sort({ _id: 1 }).limit(21).toArray();

/** FerretDB's explain: whether the filter, sort and limit reached the storage, and the storage's own plan. */
export async function explainShape(db: Db, collection: string, filter: Filter<Need>): Promise<string> {
  const explained = (await db.command({
    explain: { find: collection, filter, sort: { _id: 1 }, limit: 21 },
  })) as Document;
  const plan = JSON.stringify(explained.queryPlanner ?? {});
  const storage = /Index (Only )?Scan|Bitmap Index Scan|Bitmap Heap Scan/.test(plan)
    ? 'index'
    : /Seq Scan/.test(plan)
      ? 'seq scan'
      : /USING (COVERING )?INDEX|SEARCH/.test(plan)
        ? 'index'
        : /SCAN/.test(plan)
          ? 'scan'
          : '?';
  const flag = (name: string) => (explained[name] ? 'yes' : 'no');
  return `filter ${flag('filterPushdown')}, sort ${flag('sortPushdown')}, limit ${flag('limitPushdown')}; ${storage}`;
}
