import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Db } from 'mongodb';
import { Article7Export, ReportSources } from '@cm/application';
import { article7Csv, article7CsvChunks, article7Report } from '@cm/reporting';
import { seedArticle7 } from '../seed/article7-seed';
import { say } from '../seed/report-seed';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The live heap (after a full collection): what the report holds on to, not garbage awaiting collection. */
const liveHeap = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** Peak live heap growth while `run` runs, sampled between its reads (every 20 ms the event loop is free) and at the end. */
async function peakGrowthOf<T>(run: () => Promise<T>): Promise<{ value: T; growthMB: number }> {
  const before = liveHeap();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 20);
  try {
    const value = await run();
    peak = Math.max(peak, liveHeap());
    return { value, growthMB: (peak - before) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * A participant with `others` pledges and `others` allocations in other years and a few in the year: peak live heap
 * of the streamed report (and its CSV), beside loading every record and every participant as the report did before.
 */
export async function article7Figures(db: Db, others: number, inYear = 10, year = 2025) {
  say(`article7: ${others} pledges and ${others} allocations of other years, ${inYear} of each in ${year}`);
  await seedArticle7(db, others, inYear, year);
  const sources = new ReportSources(db);
  const streamed = await peakGrowthOf(async () => {
    const report = await new Article7Export(db, sources).reportOf('BEN', year, 'annual');
    let csv = '';
    for (const chunk of article7CsvChunks(report)) csv += chunk;
    return { report, csv };
  });
  const whole = await peakGrowthOf(async () => {
    const concerned = { $or: [{ donorId: 'BEN' }, { recipientId: 'BEN' }] };
    const [pledges, allocations, participants] = await Promise.all([
      sources.pledges({ donorId: 'BEN' }),
      sources.allocations(concerned),
      sources.participants(),
    ]);
    const report = article7Report({ pledges, allocations, participants }, 'BEN', year, 'annual');
    return { report, csv: article7Csv(report), records: pledges.length + allocations.length };
  });
  return {
    records: whole.value.records,
    rows: streamed.value.report.rows.length,
    sameReport: JSON.stringify(streamed.value.report) === JSON.stringify(whole.value.report),
    sameCsv: streamed.value.csv === whole.value.csv,
    streamedMB: streamed.growthMB,
    wholeMB: whole.growthMB,
  };
}
