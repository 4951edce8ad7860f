import type { Document, IndexSpecification } from 'mongodb';
import type { AllocationView } from '../allocations/allocation-view';
import type { NeedView } from '../needs/need-view';
import type { ParticipantView } from '../participants/participant-view';
import type { PledgeView } from '../pledges/pledge-view';
import type { ReadModelName } from '../projections/aliases';
import type { DocumentWrite, ModelDocuments } from '../projections/documents';
import {
  confirmedDeliveriesOf,
  deliveryPairIdOf,
  formerUserDocOf,
  matchableNeedDocOf,
  matchablePledgeDocOf,
} from './matchables';

/**
 * The matching read models are derived from the stream documents their set just wrote, from the documents' current
 * state (as coverage and support are): idempotent, and a crash between the two writes is repaired by the redelivery.
 * An item that can no longer be matched is deleted, so that candidate queries scan open items only.
 */
async function replaceOrDelete<V extends { id: string }>(
  documents: ModelDocuments,
  views: readonly V[],
  docOf: (view: V) => Document | undefined,
): Promise<void> {
  await documents.write(
    views.map((view): DocumentWrite => {
      const doc = docOf(view);
      return doc ? { kind: 'replace', _id: view.id, doc } : { kind: 'delete', _id: view.id };
    }),
  );
}

export const projectMatchableNeeds = (documents: ModelDocuments, needs: readonly NeedView[]) =>
  replaceOrDelete(documents, needs, matchableNeedDocOf);

export const projectMatchablePledges = (documents: ModelDocuments, pledges: readonly PledgeView[]) =>
  replaceOrDelete(documents, pledges, matchablePledgeDocOf);

export const projectFormerUsers = (documents: ModelDocuments, participants: readonly ParticipantView[]) =>
  replaceOrDelete(documents, participants, formerUserDocOf);

/**
 * Sets each allocation's own entry of its pair (no read needed); allocations without a confirmed delivery add none.
 * One update per pair and batch: concurrent updates of one document are not atomic on FerretDB (one of them is
 * lost), and concurrent upserts of a new one collide on its `_id`.
 */
export async function projectDeliveryPairs(
  documents: ModelDocuments,
  allocations: readonly AllocationView[],
): Promise<void> {
  const byPair = new Map<string, { donorId: string; recipientId: string; entries: Record<string, number> }>();
  for (const allocation of allocations) {
    const confirmed = confirmedDeliveriesOf(allocation);
    if (confirmed === 0) continue;
    const pairId = deliveryPairIdOf(allocation);
    const pair = byPair.get(pairId) ?? {
      donorId: allocation.donorId,
      recipientId: allocation.recipientId,
      entries: {},
    };
    pair.entries[`contributions.${allocation.id}`] = confirmed;
    byPair.set(pairId, pair);
  }
  await documents.write(
    [...byPair].map(([pairId, { donorId, recipientId, entries }]) => ({
      kind: 'set',
      _id: pairId,
      fields: { donorId, recipientId, ...entries },
    })),
  );
}

/** For production MongoDB: the filters of the candidate and plan queries (see the api's MatchingQueries). */
export const matchingListIndexes: Partial<Record<ReadModelName, IndexSpecification[]>> = {
  matchable_needs: [
    { assistanceType: 1, pillar: 1, _id: 1 },
    { requesterId: 1, _id: 1 },
  ],
  matchable_pledges: [{ assistanceType: 1, pillars: 1, _id: 1 }],
  former_users: [{ usedClusterMunitionsIn: 1 }],
  delivery_pairs: [{ recipientId: 1 }, { donorId: 1 }],
};
