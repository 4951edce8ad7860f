/**
 * Reports and exports at 10,000 and 100,000 pledges and allocations, seeded in bulk (bench/seed/report-seed.ts): p99
 * of the support report (groupBy=donor,year) through the query code (ReportSources and the same pure functions the
 * controller calls), beside the raw driver reading the same cell collections in the same run; then the heap growth
 * of the streamed IATI export of a donor with 10,000 activities, beside the whole-file export it replaces.
 *
 * Run: npm run bench:reports  (deploy/local/with-infra exports MONGODB_URI; node --expose-gc for the heap figures)
 */
import * as os from 'node:os';
import { MongoClient, type Db } from 'mongodb';
import { IatiExport, iatiInputOf, ReportSources } from '@cm/application';
import { collectionNameOf, evolveParticipantView, type ParticipantView } from '@cm/read-models';
import { flowsWithUsd, iatiActivitiesXml, ratesUsedOfFlows, supportReportOfFlows } from '@cm/reporting';
import { streamOf } from '../libs/read-models/src/testing/envelopes';
import { reportViews, seedReports } from './seed/report-seed';

const sizes = (process.env.BENCH_REPORT_SIZES ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Number(process.env.BENCH_REPORT_RUNS ?? 30);

const p = (times: number[], q: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))];

async function timed(runsLeft: number, run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runsLeft; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function supportFigures(db: Db, count: number) {
  await seedReports(db, reportViews(count, 7));
  const sources = new ReportSources(db);
  const query = { groupBy: ['donor', 'year'] as const, basis: 'annual' as const };
  const report = async () => {
    const flows = flowsWithUsd(await sources.supportFlows(), 'annual');
    return {
      items: supportReportOfFlows(flows, { ...query, groupBy: [...query.groupBy] }),
      rates: ratesUsedOfFlows(flows, { ...query, groupBy: [...query.groupBy] }),
    };
  };
  const raw = () =>
    Promise.all(
      (['pledge_support_cells', 'allocation_support_cells'] as const).map((m) =>
        db.collection(collectionNameOf(m, 'g0')).find({}).toArray(),
      ),
    );
  const cells = (await raw()).reduce((n, docs) => n + docs.length, 0);
  const ours = await timed(runs, report);
  const driver = await timed(runs, raw);
  return {
    count,
    cells,
    ours: { p50: p(ours, 0.5), p99: p(ours, 0.99) },
    raw: { p50: p(driver, 0.5), p99: p(driver, 0.99) },
  };
}

const heapNow = () => {
  global.gc?.();
  return process.memoryUsage().heapUsed;
};

async function iatiFigures(db: Db) {
  const donor = streamOf('participant', 'BEN');
  const participant = evolveParticipantView(
    null,
    donor('ParticipantRegistered', {
      participantId: 'BEN',
      name: 'Bench donor',
      kind: 'state',
      usedClusterMunitionsIn: [],
    }),
  ) as ParticipantView;
  await db.collection(collectionNameOf('participants', 'g0')).insertOne(participant as never);
  await seedReports(db, reportViews(10_000, 11, 'BEN'));
  const sources = new ReportSources(db);
  const exporter = new IatiExport(db, sources);

  const before = heapNow();
  let peak = before;
  let bytes = 0;
  for await (const part of await exporter.partsOf('BEN', '2026-01-01T00:00:00.000Z')) {
    bytes += Buffer.byteLength(part);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const streamed = peak - before;

  const wholeBefore = heapNow();
  const [pledges, allocations] = await Promise.all([
    sources.pledges({ donorId: 'BEN' }),
    sources.allocations({ donorId: 'BEN' }),
  ]);
  const xml = iatiActivitiesXml(
    iatiInputOf({ donor: participant, pledges, allocations, recipients: [] }, '2026-01-01T00:00:00.000Z'),
  );
  const whole = Math.max(process.memoryUsage().heapUsed - wholeBefore, 0);
  return {
    activities: pledges.length,
    bytes,
    wholeBytes: xml.length,
    streamedMB: streamed / 2 ** 20,
    wholeMB: whole / 2 ** 20,
  };
}

async function main() {
  const client = await MongoClient.connect(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/');
  const load = os.loadavg()[0].toFixed(2);
  console.log(`bench:reports  load average ${load}, ${os.cpus().length} cpus, node ${process.version}`);
  try {
    for (const count of sizes) {
      const db = client.db(`bench_reports_${count}_${Date.now()}`);
      try {
        const f = await supportFigures(db, count);
        console.log(
          `support groupBy=donor,year at ${count} pledges + ${count} allocations (${f.cells} cells): ` +
            `p50 ${f.ours.p50.toFixed(1)} ms, p99 ${f.ours.p99.toFixed(1)} ms; raw find of the same cells p50 ` +
            `${f.raw.p50.toFixed(1)} ms, p99 ${f.raw.p99.toFixed(1)} ms (ratio p99 ${(f.ours.p99 / f.raw.p99).toFixed(2)}x)`,
        );
      } finally {
        await db.dropDatabase();
      }
    }
    const db = client.db(`bench_reports_iati_${Date.now()}`);
    try {
      const f = await iatiFigures(db);
      console.log(
        `IATI export of a donor with ${f.activities} pledges: streamed heap growth ${f.streamedMB.toFixed(1)} MB ` +
          `(${(f.bytes / 2 ** 20).toFixed(1)} MB written); whole-file build ${f.wholeMB.toFixed(1)} MB`,
      );
    } finally {
      await db.dropDatabase();
    }
    console.log(`load average at the end ${os.loadavg()[0].toFixed(2)}`);
  } finally {
    await client.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
