import { by, coordinator, now } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { PledgeCapacityReserved, PledgeDeliveryConfirmed, PledgeStatus, PledgeSubmitted } from './index';
import { pledgeDecider } from './index';

/** The pledge's given events and reservation command, shared by its specs. */
export const given = specFor(pledgeDecider);
export const pledgeId = 'pledge-1';
export const nok = (amount: string) => ({ amount, unit: 'NOK' });

export const submitted: PledgeSubmitted = {
  type: 'PledgeSubmitted',
  data: {
    pledgeId,
    donorId: 'NOR',
    assistanceType: 'financial',
    pillars: ['clearance', 'risk_education'],
    quantity: nok('1000000.00'),
    validUntil: '2026-12-31',
    submittedAt: now,
  },
};
export const reserved = (allocationId: string, amount: string, status: PledgeStatus): PledgeCapacityReserved => ({
  type: 'PledgeCapacityReserved',
  data: { pledgeId, allocationId, amount: nok(amount), status },
});
export const delivered = (deliveryId: string, amount: string, status: PledgeStatus): PledgeDeliveryConfirmed => ({
  type: 'PledgeDeliveryConfirmed',
  data: { pledgeId, allocationId: 'a1', deliveryId, amount: nok(amount), status },
});
export const reserve = (allocationId: string, amount: number, at = now) => ({
  type: 'ReservePledgeCapacity' as const,
  data: { pledgeId, allocationId, amount: { amount, unit: 'NOK' } },
  metadata: by(coordinator, at),
});
