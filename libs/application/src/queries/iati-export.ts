import { Inject, Injectable } from '@nestjs/common';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { AllocationView, liveCollection, ParticipantView, PledgeView } from '@cm/read-models';
import { iatiActivitiesXmlParts, type IatiActivitiesChunk, type IatiActivitiesHead } from '@cm/reporting';
import { iatiInputOf } from './iati-input-of';
import { ReportSources } from './report-sources';

/**
 * Pledges read per chunk: with their allocations, the most the export holds at once. The cursors' batches are held to
 * it too: left to the server, a batch after the first may be up to 16 MiB, that is every pledge of a large donor.
 */
const chunkSize = 500;

/**
 * A donor's IATI file written out as it is read: a first pass reads only the dates and recipients the file's head
 * names, then a cursor over the donor's pledges (in the order the whole-file export read them) brings each chunk with
 * its allocations. Memory stays bounded by the chunk, whatever the donor's number of activities.
 */
@Injectable()
export class IatiExport {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    private readonly sources: ReportSources,
  ) {}

  /** Reads the head (404 for an unknown donor) before anything is written; the parts follow. */
  async partsOf(donorId: string, generatedAt: string): Promise<AsyncGenerator<string>> {
    const donor = await this.sources.participant(donorId);
    const head = await this.headOf(donor, generatedAt);
    return iatiActivitiesXmlParts(head, this.chunks(donor));
  }

  private async headOf(donor: ParticipantView, generatedAt: string): Promise<IatiActivitiesHead> {
    const projection = { _id: 0, updatedAt: 1, recipientId: 1 };
    let lastUpdatedAt = donor.updatedAt;
    const recipientIds = new Set<string>();
    for (const model of ['allocations', 'pledges'] as const) {
      const cursor = (await liveCollection(this.db, model))
        .find({ donorId: donor.id }, { projection })
        .batchSize(10 * chunkSize);
      for await (const doc of cursor) {
        if (doc.updatedAt > lastUpdatedAt) lastUpdatedAt = doc.updatedAt as string;
        if (doc.recipientId !== undefined) recipientIds.add(doc.recipientId as string);
      }
    }
    const recipients = await this.sources.participants({ _id: { $in: [...recipientIds] } });
    const { donor: organisation, recipients: named } = iatiInputOf(
      { donor, pledges: [], allocations: [], recipients },
      generatedAt,
    );
    return { donor: organisation, generatedAt, lastUpdatedAt, recipients: named };
  }

  private async *chunks(donor: ParticipantView): AsyncGenerator<IatiActivitiesChunk> {
    const pledges = (await liveCollection<PledgeView>(this.db, 'pledges'))
      .find({ donorId: donor.id })
      .batchSize(chunkSize);
    const allocations = await liveCollection<AllocationView>(this.db, 'allocations');
    let chunk: PledgeView[] = [];
    const flush = async (): Promise<IatiActivitiesChunk> => {
      const pledgeIds = chunk.map((pledge) => pledge.id);
      const own = (await allocations
        .find({ donorId: donor.id, pledgeId: { $in: pledgeIds } })
        .toArray()) as AllocationView[];
      const input = iatiInputOf({ donor, pledges: chunk, allocations: own, recipients: [] }, '');
      chunk = [];
      return input;
    };
    for await (const pledge of pledges) {
      chunk.push(pledge as PledgeView);
      if (chunk.length >= chunkSize) yield await flush();
    }
    if (chunk.length > 0) yield await flush();
  }
}
