import type { StreamType } from '@cm/messaging';
import type { EventEnvelope } from '@cm/event-store';
import type { Collection, Db, Document, IndexSpecification } from 'mongodb';
import { evolveAllocationView, type AllocationView } from '../allocations/allocation-view';
import { evolveCoverage, type CoverageDoc } from '../need-coverage/coverage';
import { evolveNeedView, type NeedView } from '../needs/need-view';
import { evolveParticipantView, type ParticipantView } from '../participants/participant-view';
import { evolvePledgeView, type PledgeView } from '../pledges/pledge-view';
import { evolveCoalitionView, type CoalitionView } from '../coalitions/coalition-view';
import { recordIdOf } from '@cm/domain';
import { type StreamView } from '../stream-view';
import { applyContributions, applyToStreamViews } from './batch-apply';
import { evolveSupport, type SupportDoc } from '../support/support';
import { collectionNameOf, readModelsBySet, type ProjectionSetName, type ReadModelName } from './aliases';
import { auditListIndexes, auditProjectionSets } from '../audit/audit-projection';
import * as matching from '../matching/matching-projection';

type Collections = Record<ReadModelName, Collection<Document>>;

export interface ProjectionSet {
  name: ProjectionSetName;
  streamType: StreamType;
  /** Applies one event to the set's documents; safe to call again with the same event, or with an older one. */
  apply(collections: Collections, envelope: EventEnvelope): Promise<void>;
  /** The same for a run of one partition's events, with one read and one write per document. */
  applyBatch(collections: Collections, envelopes: EventEnvelope[]): Promise<void>;
}

/** Reads the stream's document by `_id`, evolves it, and replaces it when something changed. Returns the document. */
async function applyToStreamView<V extends StreamView>(
  collection: Collection<Document>,
  envelope: EventEnvelope,
  evolve: (doc: V | null, envelope: EventEnvelope) => V | null,
): Promise<V | null> {
  const _id = recordIdOf(envelope.streamType, envelope.streamId);
  const current = (await collection.findOne({ _id: _id as never })) as V | null;
  const next = evolve(current, envelope);
  if (next && next !== current) await collection.replaceOne({ _id: _id as never }, next, { upsert: true });
  return next;
}

/**
 * Writes one source's entry of a shared document (coverage or support cell) with `$set` of that entry alone: other
 * sources' entries are never rewritten, so projections of different streams cannot undo each other.
 */
async function applyContribution<D extends { _id: string; contributions: Record<string, unknown> }>(
  collection: Collection<Document>,
  _id: string,
  sourceId: string,
  evolve: (doc: D | null) => D,
): Promise<void> {
  const current = (await collection.findOne({ _id: _id as never })) as D | null;
  const next = evolve(current);
  if (next === current) return;
  const { contributions, _id: _ignored, ...cell } = next;
  await collection.updateOne(
    { _id: _id as never },
    { $set: { ...cell, [`contributions.${sourceId}`]: contributions[sourceId] } },
    { upsert: true },
  );
}

/**
 * The derived cell is written after the stream document and from its current state, also when the event itself was
 * already applied: a crash between the two writes is repaired by the redelivery.
 */
export const projectionSets: Record<ProjectionSetName, ProjectionSet> = {
  participants: {
    name: 'participants',
    streamType: 'participant',
    apply: async (c, envelope) => {
      const participant = await applyToStreamView<ParticipantView>(c.participants, envelope, evolveParticipantView);
      if (participant) await matching.projectFormerUsers(c.former_users, [participant]);
    },
    applyBatch: async (c, envelopes) => {
      const participants = await applyToStreamViews<ParticipantView>(c.participants, envelopes, evolveParticipantView);
      await matching.projectFormerUsers(c.former_users, participants);
    },
  },
  needs: {
    name: 'needs',
    streamType: 'need',
    apply: async (c, envelope) => {
      const need = await applyToStreamView<NeedView>(c.needs, envelope, evolveNeedView);
      if (!need) return;
      await applyContribution<CoverageDoc>(
        c.coverage,
        `${need.requesterId}:${need.pillar}:${need.assistanceType}`,
        need.id,
        (doc) => evolveCoverage(doc, need),
      );
      await matching.projectMatchableNeeds(c.matchable_needs, [need]);
    },
    applyBatch: async (c, envelopes) => {
      const needs = await applyToStreamViews<NeedView>(c.needs, envelopes, evolveNeedView);
      await applyContributions<CoverageDoc>(
        c.coverage,
        needs.map((need) => ({
          cellId: `${need.requesterId}:${need.pillar}:${need.assistanceType}`,
          sourceId: need.id,
          evolve: (doc) => evolveCoverage(doc, need),
        })),
      );
      await matching.projectMatchableNeeds(c.matchable_needs, needs);
    },
  },
  pledges: {
    name: 'pledges',
    streamType: 'pledge',
    apply: async (c, envelope) => {
      const pledge = await applyToStreamView<PledgeView>(c.pledges, envelope, evolvePledgeView);
      if (pledge) await matching.projectMatchablePledges(c.matchable_pledges, [pledge]);
    },
    applyBatch: async (c, envelopes) => {
      const pledges = await applyToStreamViews<PledgeView>(c.pledges, envelopes, evolvePledgeView);
      await matching.projectMatchablePledges(c.matchable_pledges, pledges);
    },
  },
  allocations: {
    name: 'allocations',
    streamType: 'allocation',
    apply: async (c, envelope) => {
      const allocation = await applyToStreamView<AllocationView>(c.allocations, envelope, evolveAllocationView);
      if (!allocation) return;
      const cell = evolveSupport(null, allocation);
      await applyContribution<SupportDoc>(c.support, cell._id, allocation.id, (doc) => evolveSupport(doc, allocation));
      await matching.projectDeliveryPairs(c.delivery_pairs, [allocation]);
    },
    applyBatch: async (c, envelopes) => {
      const allocations = await applyToStreamViews<AllocationView>(c.allocations, envelopes, evolveAllocationView);
      await applyContributions<SupportDoc>(
        c.support,
        allocations.map((allocation) => ({
          cellId: evolveSupport(null, allocation)._id,
          sourceId: allocation.id,
          evolve: (doc) => evolveSupport(doc, allocation),
        })),
      );
      await matching.projectDeliveryPairs(c.delivery_pairs, allocations);
    },
  },
  coalitions: {
    name: 'coalitions',
    streamType: 'coalition',
    apply: async (c, envelope) => {
      await applyToStreamView<CoalitionView>(c.coalitions, envelope, evolveCoalitionView);
    },
    applyBatch: async (c, envelopes) => {
      await applyToStreamViews<CoalitionView>(c.coalitions, envelopes, evolveCoalitionView);
    },
  },
  ...auditProjectionSets,
};

export function collectionsOf(db: Db, set: ProjectionSetName, generation: string): Collections {
  return Object.fromEntries(
    readModelsBySet[set].map((model) => [model, db.collection(collectionNameOf(model, generation))]),
  ) as Collections;
}

/**
 * Compound indexes for the list filters, for production MongoDB (FerretDB on SQLite accepts them but scans anyway).
 * Every list sorts by `_id`, so each index ends with it.
 */
const listIndexes: Partial<Record<ReadModelName, IndexSpecification[]>> = {
  participants: [{ kind: 1, _id: 1 }],
  needs: [
    { requesterId: 1, _id: 1 },
    { status: 1, _id: 1 },
    { pillar: 1, assistanceType: 1, status: 1, _id: 1 },
    { priority: 1, _id: 1 },
  ],
  pledges: [
    { donorId: 1, _id: 1 },
    { status: 1, _id: 1 },
    { pillars: 1, assistanceType: 1, status: 1, _id: 1 },
  ],
  allocations: [
    { donorId: 1, _id: 1 },
    { recipientId: 1, _id: 1 },
    { status: 1, _id: 1 },
    { pillar: 1, _id: 1 },
  ],
  coalitions: [
    { memberIds: 1, _id: 1 },
    { affectedStateId: 1, _id: 1 },
  ],
  ...auditListIndexes,
  ...matching.matchingListIndexes,
};

/** FerretDB 1.24 on SQLite never uses secondary indexes for these filters; there they would only slow every write. */
async function usesSecondaryIndexes(db: Db): Promise<boolean> {
  const buildInfo = await db.admin().command({ buildInfo: 1 });
  return buildInfo.ferretdbVersion === undefined;
}

export async function ensureListIndexes(db: Db, set: ProjectionSetName, generation: string): Promise<void> {
  if (!(await usesSecondaryIndexes(db))) return;
  for (const model of readModelsBySet[set]) {
    for (const key of listIndexes[model] ?? []) {
      await db.collection(collectionNameOf(model, generation)).createIndex(key);
    }
  }
}
