import { minorOf } from '@cm/domain';
import {
  deliveryPairKey,
  MATCHABLE_NEED_STATUSES,
  MATCHABLE_PLEDGE_STATUSES,
  type MatchableNeed,
  type MatchablePledge,
  type MatchContext,
} from '@cm/matching';
import type { AllocationView } from '../allocations/allocation-view';
import type { NeedView } from '../needs/need-view';
import type { ParticipantView } from '../participants/participant-view';
import type { PledgeView } from '../pledges/pledge-view';

/**
 * A need that can still receive, holding only what matching reads; `version` is the need's, for diagnosis. A need that
 * is closed or fully allocated has no document, so the collection a candidate query scans holds open items only.
 */
export type MatchableNeedDoc = MatchableNeed & { readonly _id: string; readonly version: number };
export type MatchablePledgeDoc = MatchablePledge & { readonly _id: string; readonly version: number };

/** Art. 4(4): a participant that used cluster munitions, and where. Participants without such a record have none. */
export interface FormerUserDoc {
  readonly _id: string;
  readonly usedClusterMunitionsIn: readonly string[];
}

/**
 * Confirmed deliveries between a donor and a recipient, one entry per allocation (its count of confirmed deliveries),
 * so that allocations projected in any order, or twice, give the same document; summed on read.
 */
export interface DeliveryPairDoc {
  readonly _id: string;
  readonly donorId: string;
  readonly recipientId: string;
  readonly contributions: Readonly<Record<string, number>>;
}

/** The need as matching sees it, whatever its status: a closed need simply has no candidates. */
export const needAsMatchable = (need: NeedView): MatchableNeed => ({
  id: need.id,
  requesterId: need.requesterId,
  pillar: need.pillar,
  assistanceType: need.assistanceType,
  ...(need.category !== undefined && { category: need.category }),
  remaining: need.remaining,
  priority: need.priority,
  ...(need.neededBy !== undefined && { neededBy: need.neededBy }),
  status: need.status,
});

export const pledgeAsMatchable = (pledge: PledgeView): MatchablePledge => ({
  id: pledge.id,
  donorId: pledge.donorId,
  assistanceType: pledge.assistanceType,
  pillars: pledge.pillars,
  ...(pledge.category !== undefined && { category: pledge.category }),
  remaining: pledge.remaining,
  ...(pledge.recipientId !== undefined && { recipientId: pledge.recipientId }),
  ...(pledge.validUntil !== undefined && { validUntil: pledge.validUntil }),
  status: pledge.status,
});

/** The need's matchable document, or undefined when it can receive nothing now (closed, or nothing left). */
export function matchableNeedDocOf(need: NeedView): MatchableNeedDoc | undefined {
  if (!MATCHABLE_NEED_STATUSES.includes(need.status) || minorOf(need.remaining) <= 0n) return undefined;
  return { _id: need.id, version: need.version, ...needAsMatchable(need) };
}

/** The pledge's matchable document, or undefined when it can give nothing now. Lapsing is judged at query time. */
export function matchablePledgeDocOf(pledge: PledgeView): MatchablePledgeDoc | undefined {
  if (!MATCHABLE_PLEDGE_STATUSES.includes(pledge.status) || minorOf(pledge.remaining) <= 0n) return undefined;
  return { _id: pledge.id, version: pledge.version, ...pledgeAsMatchable(pledge) };
}

export function formerUserDocOf(participant: ParticipantView): FormerUserDoc | undefined {
  const places = participant.usedClusterMunitionsIn ?? [];
  return places.length > 0 ? { _id: participant.id, usedClusterMunitionsIn: [...places].sort() } : undefined;
}

/** How many of the allocation's deliveries the recipient confirmed. */
export const confirmedDeliveriesOf = (allocation: AllocationView): number =>
  Object.values(allocation.deliveries ?? {}).filter((delivery) => delivery.status === 'confirmed').length;

export const deliveryPairIdOf = (allocation: Pick<AllocationView, 'donorId' | 'recipientId'>): string =>
  deliveryPairKey(allocation.donorId, allocation.recipientId);

/** A document read back as the matching library takes it: without `_id` and `version`. */
export const matchableNeedOf = ({ _id, version: _version, ...need }: MatchableNeedDoc): MatchableNeed => need;
export const matchablePledgeOf = ({ _id, version: _version, ...pledge }: MatchablePledgeDoc): MatchablePledge => pledge;

/** The matching context from the documents a query read: only the links and pairs it needs need be passed. */
export function matchContextOf(
  now: string,
  formerUsers: readonly FormerUserDoc[],
  deliveryPairs: readonly DeliveryPairDoc[],
): MatchContext {
  return {
    now,
    formerUserLinks: Object.fromEntries(formerUsers.map((doc) => [doc._id, doc.usedClusterMunitionsIn])),
    confirmedDeliveries: Object.fromEntries(
      deliveryPairs.map((pair) => [
        deliveryPairKey(pair.donorId, pair.recipientId),
        Object.values(pair.contributions ?? {}).reduce((sum, count) => sum + count, 0),
      ]),
    ),
  };
}
