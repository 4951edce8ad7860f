/**
 * Reports and exports at 10,000 and 100,000 records, seeded in bulk through the projections' own code
 * (bench/seed/): p50/p99 of the support report (groupBy=donor,year) and of the coverage report through the query
 * code, beside the raw driver reading the same documents in the same run; then the heap growth of the streamed IATI
 * export of a donor with 10,000 activities, beside the whole-file export it replaces; and of the Article 7 report of a
 * participant with 20,000 records in other years and a few in the year, beside loading them all.
 *
 * Run: npm run bench:reports  (deploy/local/with-infra exports MONGODB_URI; node --expose-gc for the heap figures)
 * BENCH_REPORT_SIZES=10000,100000  BENCH_REPORT_RUNS=30  BENCH_REPORTS=support,coverage,iati (the default; or article7)
 */
import * as os from 'node:os';
import { MongoClient, type Db } from 'mongodb';
import { article7Figures } from './reports/article7-figures';
import { iatiFigures } from './reports/iati-figures';
import { coverageFigures, supportFigures } from './reports/report-figures';
import { ms } from './reports/timing';

const sizes = (process.env.BENCH_REPORT_SIZES ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Number(process.env.BENCH_REPORT_RUNS ?? 30);
const parts = new Set((process.env.BENCH_REPORTS ?? 'support,coverage,iati').split(','));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function inFreshDb<T>(client: MongoClient, name: string, run: (db: Db) => Promise<T>): Promise<T> {
  const db = client.db(`bench_reports_${name}_${Date.now()}`);
  try {
    return await run(db);
  } finally {
    await db.dropDatabase();
  }
}

async function main() {
  const client = await MongoClient.connect(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/');
  console.log(`bench:reports  load average ${load()}, ${os.cpus().length} cpus, node ${process.version}`);
  try {
    for (const count of sizes) {
      if (parts.has('support')) {
        const f = await inFreshDb(client, `support_${count}`, (db) => supportFigures(db, count, runs));
        console.log(
          `support groupBy=donor,year at ${count} pledges + ${count} allocations (${f.cells} cells, ${f.rows} rows): ` +
            `${ms(f.ours)}; raw find of the same cells ${ms(f.raw)}; raw find of the entries ${ms(f.entries)} ` +
            `[load ${load()}]`,
        );
      }
      if (parts.has('coverage')) {
        const f = await inFreshDb(client, `coverage_${count}`, (db) => coverageFigures(db, count, runs));
        console.log(
          `coverage at ${count} needs (${f.cells} cells): ${ms(f.ours)}; raw find of the same totals ${ms(f.raw)}; ` +
            `raw find of the coverage cells (one entry per need) ${ms(f.entries)} [load ${load()}]`,
        );
      }
    }
    if (parts.has('iati')) {
      const f = await inFreshDb(client, 'iati', (db) => iatiFigures(db, 10_000));
      console.log(
        `IATI export of a donor with ${f.activities} pledges: streamed peak live heap growth ${f.streamedMB.toFixed(1)} MB ` +
          `(${(f.bytes / 2 ** 20).toFixed(1)} MB written); whole-file build ${f.wholeMB.toFixed(1)} MB ` +
          `(${(f.wholeBytes / 2 ** 20).toFixed(1)} MB) [load ${load()}]`,
      );
    }
    if (parts.has('article7')) {
      const f = await inFreshDb(client, 'article7', (db) => article7Figures(db, 10_000));
      console.log(
        `Article 7 report of a participant with ${f.records} records (${f.rows} rows in the year): streamed peak ` +
          `live heap growth ${f.streamedMB.toFixed(1)} MB; loading every record ${f.wholeMB.toFixed(1)} MB; ` +
          `same report ${f.sameReport}, same CSV ${f.sameCsv} [load ${load()}]`,
      );
    }
    console.log(`load average at the end ${load()}`);
  } finally {
    await client.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
