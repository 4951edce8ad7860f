import { streamTypes, type StreamType } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import type { AnyBulkWriteOperation, Collection, Document, IndexSpecification } from 'mongodb';
import type { ProjectionSetName, ReadModelName } from '../projections/aliases';
import { projectionSet, type ReadModelCollections } from '../projections/projection-set';
import { auditEntryOf, partiesOfOpening, type AuditEntry, type AuditStreamParties } from './audit-entry';

/**
 * The audit read model of one stream type: a set per topic, like every projection set (one group, one topic). Keyed by
 * every one of the domain's stream types and no other, so every stream is audited.
 */
export const auditModelsOf = {
  participant: { set: 'participantAudit', entries: 'participantAudit', parties: 'participantAuditParties' },
  need: { set: 'needAudit', entries: 'needAudit', parties: 'needAuditParties' },
  pledge: { set: 'pledgeAudit', entries: 'pledgeAudit', parties: 'pledgeAuditParties' },
  allocation: { set: 'allocationAudit', entries: 'allocationAudit', parties: 'allocationAuditParties' },
  coalition: { set: 'coalitionAudit', entries: 'coalitionAudit', parties: 'coalitionAuditParties' },
} as const satisfies Record<StreamType, { set: ProjectionSetName; entries: ReadModelName; parties: ReadModelName }>;

export type AuditedStreamType = StreamType;
export const auditedStreamTypes: AuditedStreamType[] = streamTypes;

/**
 * Writes one stream's run of events: the opening event names the stream's parties (kept by stream id for the events
 * that follow, which do not repeat them), and each event becomes one entry keyed by its event id. Replacing by `_id`
 * with content fixed by the event makes a redelivery or a replay write the same documents again.
 */
async function applyStreamRun(
  entries: Collection<Document>,
  parties: Collection<Document>,
  streamId: string,
  envelopes: readonly EventEnvelope[],
): Promise<void> {
  const opening = envelopes.map(partiesOfOpening).find((named) => named !== undefined);
  let participants = opening;
  if (opening) {
    await parties.replaceOne({ _id: streamId as never }, { participants: opening }, { upsert: true });
  } else {
    const known = (await parties.findOne({ _id: streamId as never })) as AuditStreamParties | null;
    participants = known?.participants ? [...known.participants] : [];
  }
  const operations: AnyBulkWriteOperation<Document>[] = envelopes.map((envelope) => {
    const entry: AuditEntry = auditEntryOf(envelope, participants ?? []);
    return { replaceOne: { filter: { _id: entry._id as never }, replacement: entry, upsert: true } };
  });
  await entries.bulkWrite(operations, { ordered: false });
}

function auditSetOf(streamType: AuditedStreamType) {
  const models = auditModelsOf[streamType];
  return projectionSet(models.set, streamType, async (c: ReadModelCollections, envelopes: EventEnvelope[]) => {
    const byStream = new Map<string, EventEnvelope[]>();
    for (const envelope of envelopes) {
      byStream.set(envelope.streamId, [...(byStream.get(envelope.streamId) ?? []), envelope]);
    }
    await Promise.all(
      [...byStream].map(([streamId, run]) => applyStreamRun(c[models.entries], c[models.parties], streamId, run)),
    );
  });
}

export const auditProjectionSets = {
  participantAudit: auditSetOf('participant'),
  needAudit: auditSetOf('need'),
  pledgeAudit: auditSetOf('pledge'),
  allocationAudit: auditSetOf('allocation'),
  coalitionAudit: auditSetOf('coalition'),
};

/** The search's filters, each followed by `_id` (the order pages and exports walk in); production MongoDB only. */
const entryIndexes: IndexSpecification[] = [
  { type: 1, _id: 1 },
  { 'actor.sub': 1, _id: 1 },
  { 'actor.participantId': 1, _id: 1 },
  { participants: 1, _id: 1 },
  { recordedAt: 1, _id: 1 },
];

export const auditListIndexes: Partial<Record<ReadModelName, IndexSpecification[]>> = Object.fromEntries(
  auditedStreamTypes.map((streamType) => [auditModelsOf[streamType].entries, entryIndexes]),
);
