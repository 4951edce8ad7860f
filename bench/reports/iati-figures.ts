import type { Db } from 'mongodb';
import { IatiExport, iatiInputOf, ReportSources } from '@cm/application';
import { collectionNameOf, evolveParticipantView, type ParticipantView } from '@cm/read-models';
import { iatiActivitiesXml } from '@cm/reporting';
import { streamOf } from '../../libs/read-models/src/testing/envelopes';
import { reportViews, say, seedReports } from '../seed/report-seed';
import { peakGrowthOf } from './heap';

/** Peak live heap growth of the streamed IATI export of a donor with `count` activities, beside the whole-file export. */
export async function iatiFigures(db: Db, count: number) {
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
  say(`iati: folding ${count} pledges and allocations of one donor`);
  await seedReports(db, reportViews(count, 11, 'BEN'));
  const sources = new ReportSources(db);
  const exporter = new IatiExport(db, sources);

  const streamed = await peakGrowthOf(async () => {
    let bytes = 0;
    for await (const part of await exporter.partsOf('BEN', '2026-01-01T00:00:00.000Z'))
      bytes += Buffer.byteLength(part);
    return bytes;
  });
  const whole = await peakGrowthOf(async () => {
    const [pledges, allocations] = await Promise.all([
      sources.pledges({ donorId: 'BEN' }),
      sources.allocations({ donorId: 'BEN' }),
    ]);
    const xml = iatiActivitiesXml(
      iatiInputOf({ donor: participant, pledges, allocations, recipients: [] }, '2026-01-01T00:00:00.000Z'),
    );
    return { activities: pledges.length, bytes: xml.length };
  });
  return {
    activities: whole.value.activities,
    bytes: streamed.value,
    wholeBytes: whole.value.bytes,
    streamedMB: streamed.growthMB,
    wholeMB: whole.growthMB,
  };
}
