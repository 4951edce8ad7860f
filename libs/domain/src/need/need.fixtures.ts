import { now } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { NeedCapacityReserved, NeedDeliveryConfirmed, NeedPosted, NeedWithdrawn } from './events';
import { needDecider } from './index';

/** The need's given events, shared by its specs. */
export const given = specFor(needDecider);
export const needId = 'need-1';
export const usd = (amount: string) => ({ amount, unit: 'USD' });

export const posted: NeedPosted = {
  type: 'NeedPosted',
  data: {
    needId,
    requesterId: 'LAO',
    pillar: 'clearance',
    assistanceType: 'financial',
    title: 'Survey of Xieng Khouang',
    quantity: usd('1000.00'),
    priority: 'high',
    postedAt: now,
  },
};
export const reserved = (allocationId: string, amount: string, status: string): NeedCapacityReserved => ({
  type: 'NeedCapacityReserved',
  data: { needId, allocationId, amount: usd(amount), status } as NeedCapacityReserved['data'],
});
export const delivered = (deliveryId: string, amount: string, status: string): NeedDeliveryConfirmed => ({
  type: 'NeedDeliveryConfirmed',
  data: { needId, allocationId: 'a1', deliveryId, amount: usd(amount), status } as NeedDeliveryConfirmed['data'],
});
export const withdrawn: NeedWithdrawn = {
  type: 'NeedWithdrawn',
  data: { needId, reason: 'done', openAllocationIds: [] },
};
