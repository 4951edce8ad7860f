import type { Db } from 'mongodb';
import { Article7Export, ReportSources } from '@cm/application';
import { article7Csv, article7CsvChunks, article7Report } from '@cm/reporting';
import { seedArticle7 } from '../seed/article7-seed';
import { say } from '../seed/report-seed';
import { peakGrowthOf } from './heap';

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
