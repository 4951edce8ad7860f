import { streamTypes, type StreamType } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import type { IndexSpecification } from 'mongodb';
import type { ProjectionSetName, ReadModelName } from '../projections/aliases';
import { groupBy } from '../projections/batch-apply';
import type { DocumentWrite } from '../projections/documents';
import { projectionSet, type ReadModelDocuments } from '../projections/projection-set';
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
 * Writes a batch's runs of events: a stream's opening event names its parties (kept by stream id for the events that
 * follow, which do not repeat them; the streams without their opening in the batch are loaded together), and each
 * event becomes one entry keyed by its event id. Replacing by `_id` with content fixed by the event makes a
 * redelivery or a replay write the same documents again. Parties and entries go in one write each, in turn.
 */
function auditSetOf(streamType: AuditedStreamType) {
  const models = auditModelsOf[streamType];
  return projectionSet(models.set, streamType, async (c: ReadModelDocuments, envelopes: EventEnvelope[]) => {
    const byStream = groupBy(envelopes, (envelope) => envelope.streamId);
    const openings = new Map<string, string[]>();
    for (const [streamId, run] of byStream) {
      const opening = run.map(partiesOfOpening).find((named) => named !== undefined);
      if (opening) openings.set(streamId, opening);
    }
    const known = await c[models.parties].load([...byStream.keys()].filter((streamId) => !openings.has(streamId)));
    const entries: DocumentWrite[] = [];
    for (const [streamId, run] of byStream) {
      const named = (known.get(streamId) as AuditStreamParties | undefined)?.participants;
      const participants = openings.get(streamId) ?? (named ? [...named] : []);
      for (const envelope of run) {
        const entry: AuditEntry = auditEntryOf(envelope, participants);
        entries.push({ kind: 'replace', _id: entry._id, doc: entry });
      }
    }
    await c[models.parties].write(
      [...openings].map(([_id, participants]) => ({ kind: 'replace', _id, doc: { participants } })),
    );
    await c[models.entries].write(entries);
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
