import { Inject, Injectable } from '@nestjs/common';
import { Db } from 'mongodb';
import type { RateBasis } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { AllocationView, liveCollection, ParticipantView, PledgeView } from '@cm/read-models';
import { Article7Draft, type Article7Report } from '@cm/reporting';
import { ReportSources } from './report-sources';

/** Documents per cursor batch: left to the server, a batch after the first may be up to 16 MiB, all held at once. */
const batchSize = 500;

/**
 * A participant's Article 7 report for one year, read through cursors over its pledges and the allocations where it
 * is donor or recipient, each record folded into the draft as it comes: what is held is the year's rows, whatever the
 * participant's number of records in other years. Only the counterparts the rows name are read, by id.
 */
@Injectable()
export class Article7Export {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    private readonly sources: ReportSources,
  ) {}

  /** Reads everything before answering (404 for an unknown participant), so a refusal or a failure precedes any byte. */
  async reportOf(participantId: string, year: number, basis: RateBasis): Promise<Article7Report> {
    await this.sources.participant(participantId);
    const draft = new Article7Draft(participantId, year, basis);
    const pledges = await liveCollection<PledgeView>(this.db, 'pledges');
    for await (const pledge of pledges.find({ donorId: participantId }).batchSize(batchSize)) {
      draft.addPledge(pledge as PledgeView);
    }
    // Two top-level equality filters, which FerretDB on PostgreSQL pushes down as MongoDB uses its indexes (DESIGN §4);
    // an allocation to itself comes in both and is taken with the donor's.
    const allocations = await liveCollection<AllocationView>(this.db, 'allocations');
    for await (const allocation of allocations.find({ donorId: participantId }).batchSize(batchSize)) {
      draft.addAllocation(allocation as AllocationView);
    }
    for await (const allocation of allocations.find({ recipientId: participantId }).batchSize(batchSize)) {
      if (allocation.donorId !== participantId) draft.addAllocation(allocation as AllocationView);
    }
    return draft.report(await this.namesOf(draft.counterpartIds()));
  }

  private async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const participants = await liveCollection<ParticipantView>(this.db, 'participants');
    const named = await participants.find({ _id: { $in: ids } }, { projection: { id: 1, name: 1 } }).toArray();
    return new Map(named.map((participant) => [participant.id as string, participant.name as string]));
  }
}
