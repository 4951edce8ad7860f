import type { Db } from 'mongodb';
import { ReportSources } from '@cm/application';
import { collectionNameOf, type ReadModelName } from '@cm/read-models';
import { coverageReport } from '@cm/reporting';
import { needViews, seedCoverage } from '../seed/coverage-seed';
import { reportViews, say, seedReports } from '../seed/report-seed';
import { ms, timed } from './timing';

/** Runs of the O(records) reads that show what the reports cost before their cells kept totals (default 3). */
const beforeRuns = Number(process.env.BENCH_REPORT_BEFORE_RUNS ?? 3);

const rawFind = (db: Db, models: readonly ReadModelName[]) => () =>
  Promise.all(models.map((model) => db.collection(collectionNameOf(model, 'g0')).find({}).toArray()));

const countOf = async (db: Db, model: ReadModelName) => db.collection(collectionNameOf(model, 'g0')).countDocuments();

/**
 * The support report (groupBy=donor,year) through the query code, beside the raw driver reading the same cells; and
 * the records' entries, which is what reading cost before the cells kept totals (fewer runs: it is O(records)).
 */
export async function supportFigures(db: Db, count: number, runs: number) {
  say(`support: folding ${count} pledges and ${count} allocations`);
  await seedReports(db, reportViews(count, 7));
  const sources = new ReportSources(db);
  const report = () => sources.supportReport({ groupBy: ['donor', 'year'], basis: 'annual' });
  const cells = (await countOf(db, 'pledge_support_cells')) + (await countOf(db, 'allocation_support_cells'));
  say(`support: timing (${cells} cells)`);
  const ours = await timed(runs, report);
  const raw = await timed(runs, rawFind(db, ['pledge_support_cells', 'allocation_support_cells']));
  say(`support: ours ${ms(ours)}; raw find of the same cells ${ms(raw)}; now the entries`);
  return {
    cells,
    rows: (await report()).items.length,
    ours,
    raw,
    entries: await timed(beforeRuns, rawFind(db, ['pledge_support_entries', 'allocation_support_entries']), 0),
  };
}

/** The coverage report through the query code, beside the raw driver reading the same totals and the cells. */
export async function coverageFigures(db: Db, count: number, runs: number) {
  say(`coverage: folding ${count} needs`);
  await seedCoverage(db, needViews(count, 5));
  const sources = new ReportSources(db);
  const report = async () => coverageReport(await sources.coverageCells());
  const cells = await countOf(db, 'coverage_totals');
  say(`coverage: timing (${cells} cells)`);
  const ours = await timed(runs, report);
  const raw = await timed(runs, rawFind(db, ['coverage_totals']));
  say(`coverage: ours ${ms(ours)}; raw find of the same totals ${ms(raw)}; now the cells`);
  return { cells, ours, raw, entries: await timed(beforeRuns, rawFind(db, ['coverage']), 0) };
}
