/**
 * FerretDB 1.24 on SQLite vs on PostgreSQL, side by side in one run: the same binary (with deploy/local/ferretdb's
 * patches), the same machine, the raw `mongodb` driver, each operation on one backend and then the other.
 *   - writes: insertOne (1 and 8 writers), insertMany, and the projector's bulkWrite upserts and findOneAndUpdate;
 *   - reads at 10,000 and 100,000 documents seeded in bulk: findOne by `_id` and the api's list query shapes, each
 *     with FerretDB's explain (did filter, sort, limit reach the storage; did the storage use an index);
 *   - the list query code itself (listPage of @cm/read-models, as GET /needs?requesterId=…&status=…&limit=20 runs it).
 * Run: npm run bench:backends   (starts its own servers on free ports; nothing else needs to be up)
 */
import * as os from 'node:os';
import { Collection } from 'mongodb';
import { listPage, usesSecondaryIndexes } from '@cm/read-models';
import { BackendServer, startBackend } from './backends/servers';
import {
  explainShape,
  idOf,
  latency,
  listPageQuery,
  listShapes,
  Need,
  needOf,
  rate,
  requesters,
  seed,
  statuses,
} from './backends/shapes';

interface Row {
  operation: string;
  unit: string;
  values: Record<string, string>;
  ratio: string;
  notes: Record<string, string>;
}

const rows: Row[] = [];
const needsIndexes = [
  { requesterId: 1, _id: 1 },
  { requesterId: 1, status: 1, _id: 1 },
  { status: 1, _id: 1 },
] as const;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

async function sideBySide(
  servers: BackendServer[],
  operation: string,
  unit: 'ops/s' | 'ms p50 / p99',
  run: (server: BackendServer) => Promise<{ value: number; shown: string; note?: string }>,
): Promise<void> {
  const values: Record<string, string> = {};
  const notes: Record<string, string> = {};
  const raw: number[] = [];
  for (const server of servers) {
    console.log(`  ${operation} on ${server.backend}…`);
    const result = await run(server);
    values[server.backend] = result.shown;
    notes[server.backend] = result.note ?? '';
    raw.push(result.value);
  }
  // PostgreSQL relative to SQLite: > 1 means PostgreSQL is better (faster rate, lower latency).
  const ratio = raw.length < 2 ? NaN : unit === 'ops/s' ? raw[1] / raw[0] : raw[0] / raw[1];
  rows.push({ operation, unit, values, ratio: `${fmt(ratio)}×`, notes });
  console.log(
    `${operation}: ${servers.map((s) => `${s.backend} ${values[s.backend]} ${notes[s.backend]}`).join(' | ')}`,
  );
}

const needs = (server: BackendServer) => server.client.db('bench').collection<Need>('needs');

async function writes(servers: BackendServer[]): Promise<void> {
  const doc = (tag: string, i: number) => ({ ...needOf(i), _id: `${tag}-${i}` });
  const scratch = (s: BackendServer) => s.client.db('bench').collection<Need>('scratch');
  await sideBySide(servers, 'insertOne, 1 writer', 'ops/s', async (s) => {
    const value = await rate((i) => scratch(s).insertOne(doc('one', i)), 400);
    return { value, shown: fmt(value) };
  });
  await sideBySide(servers, 'insertOne, 8 writers', 'ops/s', async (s) => {
    const value = await rate((i) => scratch(s).insertOne(doc('eight', i)), 1200, 8);
    return { value, shown: fmt(value) };
  });
  await sideBySide(servers, 'insertMany (100 docs), docs/s', 'ops/s', async (s) => {
    const batch = (i: number) => Array.from({ length: 100 }, (_, j) => doc('many', i * 100 + j));
    const value = 100 * (await rate((i) => scratch(s).insertMany(batch(i)), 30));
    return { value, shown: fmt(value) };
  });
}

async function pipelineWrites(servers: BackendServer[], docs: number): Promise<void> {
  await sideBySide(servers, `bulkWrite 100 upserts ($set by _id), docs/s @${docs}`, 'ops/s', async (s) => {
    const ops = (i: number) =>
      Array.from({ length: 100 }, (_, j) => ({
        updateOne: {
          filter: { _id: idOf(((i * 100 + j) * 7) % docs) },
          update: { $set: { title: `revised ${i}` } },
          upsert: true,
        },
      }));
    const value = 100 * (await rate((i) => needs(s).bulkWrite(ops(i), { ordered: false }), 10));
    return { value, shown: fmt(value) };
  });
  await sideBySide(servers, `findOneAndUpdate ($inc by _id) @${docs}`, 'ops/s', async (s) => {
    const value = await rate(
      (i) => needs(s).findOneAndUpdate({ _id: idOf((i * 13) % docs) }, { $inc: { revision: 1 } } as never),
      150,
    );
    return { value, shown: fmt(value) };
  });
}

async function reads(servers: BackendServer[], docs: number): Promise<void> {
  const shown = (l: { p50: number; p99: number; samples: number }) => `${fmt(l.p50)} / ${fmt(l.p99)} (n=${l.samples})`;
  await sideBySide(servers, `findOne by _id @${docs}`, 'ms p50 / p99', async (s) => {
    const l = await latency((i) => needs(s).findOne({ _id: idOf((Math.abs(i) * 7919) % docs) }), 200);
    const note = await explainShape(s.client.db('bench'), 'needs', { _id: idOf(5) });
    return { value: l.p99, shown: shown(l), note };
  });
  for (const shape of listShapes) {
    await sideBySide(servers, `${shape.name} @${docs}`, 'ms p50 / p99', async (s) => {
      const l = await latency((i) => listPageQuery(needs(s), shape.filter(i, docs)));
      const note = await explainShape(s.client.db('bench'), 'needs', shape.filter(3, docs));
      return { value: l.p99, shown: shown(l), note };
    });
  }
  await sideBySide(
    servers,
    `listPage (query code) requesterId+status, any page @${docs}`,
    'ms p50 / p99',
    async (s) => {
      const matches = docs / (requesters * statuses.length);
      const l = await latency((i) => {
        const r = Math.abs(i * 7) % requesters;
        const k = Math.floor((((Math.abs(i) * 37) % 100) / 100) * matches);
        const after = i % 4 === 0 ? undefined : idOf(r + requesters + requesters * statuses.length * k);
        return listPage(needs(s) as Collection<Need>, { requesterId: `state-${r}`, status: statuses[1] }, 20, after);
      });
      return { value: l.p99, shown: shown(l) };
    },
  );
}

/** The ratio column only when both backends ran: one backend alone has nothing to compare with. */
function table(servers: BackendServer[]): string {
  const names = servers.map((s) => s.backend);
  const compared = names.length > 1;
  const header = `| operation | unit | ${names.join(' | ')} |${compared ? ' PostgreSQL vs SQLite |' : ''} explain ${names.join(' | explain ')} |`;
  const line = `|${' --- |'.repeat((compared ? 3 : 2) + 2 * names.length)}`;
  const body = rows.map(
    (r) =>
      `| ${r.operation} | ${r.unit} | ${names.map((n) => r.values[n]).join(' | ')} |${compared ? ` ${r.ratio} |` : ''} ${names.map((n) => r.notes[n]).join(' | ')} |`,
  );
  return [header, line, ...body].join('\n');
}

async function main(): Promise<void> {
  const load = os.loadavg()[0].toFixed(2);
  console.log(
    `node ${process.version}, ${os.cpus().length} cpus, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  // BENCH_BACKENDS (default sqlite,postgresql) and BENCH_DOCS (default 10000,100000) narrow a run.
  const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[];
  const sizes = (process.env.BENCH_DOCS ?? '10000,100000').split(',').map(Number);
  const servers: BackendServer[] = [];
  for (const backend of backends) servers.push(await startBackend(backend));
  try {
    await writes(servers);
    for (const s of servers) {
      await needs(s)
        .drop()
        .catch(() => undefined);
      // The needs list indexes, where the read models declare them (libs/read-models/src/projections/list-indexes.ts).
      const indexed = await usesSecondaryIndexes(s.client.db('bench'));
      if (indexed) for (const key of needsIndexes) await needs(s).createIndex(key);
      console.log(`${s.backend}: list indexes ${indexed ? 'declared' : 'not declared (the read models skip them)'}`);
    }
    let seeded = 0;
    for (const docs of sizes) {
      for (const s of servers) {
        const started = Date.now();
        await seed(needs(s), seeded, docs);
        console.log(`seeded ${seeded}..${docs} on ${s.backend} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      seeded = docs;
      await reads(servers, docs);
      await pipelineWrites(servers, docs);
    }
  } finally {
    for (const s of servers) await s.stop();
  }
  console.log(`\nload average at start ${load}, at end ${os.loadavg()[0].toFixed(2)}\n`);
  console.log(table(servers));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
