import type { Collection, Db } from 'mongodb';
import { evolveAllocationView, type AllocationView } from '../allocations/allocation-view';
import { auditProjectionSets } from '../audit/audit-projection';
import { evolveCoalitionView, type CoalitionView } from '../coalitions/coalition-view';
import * as matching from '../matching/matching-projection';
import { projectCoverage } from '../need-coverage/coverage-totals';
import { evolveNeedView, type NeedView } from '../needs/need-view';
import { evolveParticipantView, type ParticipantView } from '../participants/participant-view';
import { evolvePledgeView, type PledgeView } from '../pledges/pledge-view';
import { evolveSupport, type SupportDoc } from '../support/support';
import * as supportCells from '../support-cells/support-cells-projection';
import { collectionNameOf, readModelsBySet, type ProjectionSetName, type ReadModelName } from './aliases';
import { applyContributions, applyToStreamViews } from './batch-apply';
import { StoredDocuments } from './documents';
import { MemoryDocuments } from './memory-documents';
import { projectionSet, type ProjectionSet, type ReadModelDocuments } from './projection-set';

/**
 * Each set writes its stream documents first, then the cells derived from them (coverage, support, matching), from
 * the documents' current state, also when the events themselves were already applied: a crash between the two
 * writes is repaired by the redelivery. The writes of a batch go one after another (see writeAll on FerretDB).
 */
export const projectionSets: Record<ProjectionSetName, ProjectionSet> = {
  participants: projectionSet('participants', 'participant', async (c, envelopes) => {
    const participants = await applyToStreamViews<ParticipantView>(c.participants, envelopes, evolveParticipantView);
    await matching.projectFormerUsers(c.former_users, participants);
  }),
  needs: projectionSet('needs', 'need', async (c, envelopes) => {
    const needs = await applyToStreamViews<NeedView>(c.needs, envelopes, evolveNeedView);
    await projectCoverage(c.coverage, c.coverage_totals, needs);
    await matching.projectMatchableNeeds(c.matchable_needs, needs);
  }),
  pledges: projectionSet('pledges', 'pledge', async (c, envelopes) => {
    const pledges = await applyToStreamViews<PledgeView>(c.pledges, envelopes, evolvePledgeView);
    await matching.projectMatchablePledges(c.matchable_pledges, pledges);
    await supportCells.projectPledges({ cells: c.pledge_support_cells, entries: c.pledge_support_entries }, pledges);
  }),
  allocations: projectionSet('allocations', 'allocation', async (c, envelopes) => {
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
    await supportCells.projectAllocations(
      { cells: c.allocation_support_cells, entries: c.allocation_support_entries },
      allocations,
    );
  }),
  coalitions: projectionSet('coalitions', 'coalition', async (c, envelopes) => {
    await applyToStreamViews<CoalitionView>(c.coalitions, envelopes, evolveCoalitionView);
  }),
  ...auditProjectionSets,
};

function modelsOf<D>(db: Db, set: ProjectionSetName, generation: string, make: (collection: Collection) => D) {
  const models = readModelsBySet[set].map((model) => [model, make(db.collection(collectionNameOf(model, generation)))]);
  return Object.fromEntries(models) as Record<ReadModelName, D>;
}

/** A generation's live read models: loaded by key and written in bulk, per fetched batch. */
export const collectionsOf = (db: Db, set: ProjectionSetName, generation: string): ReadModelDocuments =>
  modelsOf(db, set, generation, (collection) => new StoredDocuments(db, collection));

/** An empty generation's read models held in memory by a rebuild and flushed in bulk (see MemoryDocuments). */
export const memoryCollectionsOf = (db: Db, set: ProjectionSetName, generation: string) =>
  modelsOf(db, set, generation, (collection) => new MemoryDocuments(db, collection));
