import { by, laos, norway, now } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { NeedTerms, PledgeTerms } from './compatibility';
import type {
  AllocationEvent,
  AllocationRequested,
  DeliveryConfirmed,
  DeliveryDisputed,
  DeliveryRecorded,
} from './events';
import { allocationDecider } from './index';

/** The allocation's commands and given events, shared by the allocation and delivery-dispute specs. */
export const given = specFor(allocationDecider);
export const allocationId = 'alloc-1';
export const sides = { allocationId, pledgeId: 'p1', needId: 'n1' };
export const eur = (amount: string) => ({ amount, unit: 'EUR' });
export const usd = (amount: string) => ({ amount, unit: 'USD' });

export const pledge: PledgeTerms = {
  pledgeId: 'p1',
  donorId: 'NOR',
  assistanceType: 'financial',
  pillars: ['clearance', 'victim_assistance'],
  unit: 'EUR',
};
export const need: NeedTerms = {
  needId: 'n1',
  requesterId: 'LAO',
  assistanceType: 'financial',
  pillar: 'clearance',
  unit: 'EUR',
};
export const request = (change: object = {}, actor = norway) => ({
  type: 'RequestAllocation' as const,
  data: { allocationId, pledge, need, amount: { amount: 1000, unit: 'EUR' }, ...change },
  metadata: by(actor),
});

export const requested: AllocationRequested = {
  type: 'AllocationRequested',
  data: {
    ...sides,
    donorId: 'NOR',
    recipientId: 'LAO',
    assistanceType: 'financial',
    pillar: 'clearance',
    amount: eur('1000.00'),
    needAmount: eur('1000.00'),
    requestedAt: now,
  },
};
export const proposed: AllocationEvent = { type: 'AllocationProposed', data: sides };
export const accepted: AllocationEvent = { type: 'AllocationAccepted', data: sides };
export const recorded = (deliveryId: string, amount: string): DeliveryRecorded => ({
  type: 'DeliveryRecorded',
  data: { ...sides, deliveryId, amount: eur(amount), deliveredOn: '2026-02-01' },
});
export const confirmed = (
  deliveryId: string,
  amount: string,
  status: 'partially_delivered' | 'completed',
): DeliveryConfirmed => ({
  type: 'DeliveryConfirmed',
  data: { ...sides, deliveryId, amount: eur(amount), needAmount: eur(amount), status },
});
export const live = [requested, proposed, accepted];

export const disputed = (deliveryId: string, amount: string): DeliveryDisputed => ({
  type: 'DeliveryDisputed',
  data: { ...sides, deliveryId, amount: eur(amount), reason: 'only 500 arrived', disputedAt: '2026-02-10T09:00:00Z' },
});
export const inDispute = [...live, recorded('d1', '600.00'), disputed('d1', '600.00')];

export const correct = (data: object, actor = norway) => ({
  type: 'CorrectDelivery' as const,
  data: { allocationId, deliveryId: 'd1', reason: 'the second crate left later', ...data },
  metadata: by(actor),
});
export const withdraw = (actor = norway) => ({
  type: 'WithdrawDelivery' as const,
  data: { allocationId, deliveryId: 'd1', reason: 'recorded twice' },
  metadata: by(actor),
});
export const withdrawDispute = (data: object = {}, actor = laos) => ({
  type: 'WithdrawDeliveryDispute' as const,
  data: { allocationId, deliveryId: 'd1', ...data },
  metadata: by(actor),
});
export const confirm = {
  type: 'ConfirmDelivery' as const,
  data: { allocationId, deliveryId: 'd1' },
  metadata: by(laos),
};
