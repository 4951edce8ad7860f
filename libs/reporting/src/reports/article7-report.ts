import type { RateBasis } from '@cm/domain';
import { Article7Draft, type Article7Report, type Article7Row } from './article7-draft';
import { csvChunksOf, csvOf } from './csv';
import type { ReportAllocation, ReportParticipant, ReportPledge } from './report-input';

/**
 * The assistance a participant provided as donor and received as recipient in one calendar year of effective dates:
 * pledges it made, commitments and confirmed deliveries either way. Amounts in the original unit and in USD at the
 * reference rate of each date. A recipient does not report pledges made to it: only commitments and deliveries.
 * Deliveries in dispute are rows flagged `disputed` and count in no total: only confirmed ones are disbursements.
 * Rows run by direction, date, kind (pledged, committed, delivered), disputed last, then reference.
 */
export function article7Report(
  input: {
    pledges: readonly ReportPledge[];
    allocations: readonly ReportAllocation[];
    participants: readonly ReportParticipant[];
  },
  participantId: string,
  year: number,
  basis: RateBasis = 'annual',
): Article7Report {
  const draft = new Article7Draft(participantId, year, basis);
  for (const pledge of input.pledges) draft.addPledge(pledge);
  for (const allocation of input.allocations) draft.addAllocation(allocation);
  return draft.report(new Map(input.participants.map((p) => [p.id, p.name])));
}

const article7Columns: readonly (keyof Article7Row)[] = [
  'direction',
  'kind',
  'date',
  'counterpartId',
  'counterpartName',
  'assistanceType',
  'pillar',
  'category',
  'amount',
  'unit',
  'usd',
  'usdRate',
  'rateYear',
  'reference',
  'disputed',
];

export const article7Csv = (report: Article7Report): string => csvOf(article7Columns, report.rows);

/** The same text as `article7Csv`, a chunk of `rowsPerChunk` rows at a time (after the header line). */
export const article7CsvChunks = (report: Article7Report, rowsPerChunk = 500): Generator<string> =>
  csvChunksOf(article7Columns, report.rows, rowsPerChunk);
