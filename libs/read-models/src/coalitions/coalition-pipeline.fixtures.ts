import type { Pillar, Quantity } from '@cm/domain';
import type { AllocationView } from '../allocations/allocation-view';
import type { NeedView } from '../needs/need-view';
import type { PledgeView } from '../pledges/pledge-view';
import { q } from '../testing/envelopes';
import type { CoalitionView } from './coalition-view';

/** A Lao PDR coalition led by Norway, with the needs, allocations and pledges its pipeline reads. */
export const at = '2025-03-01T10:00:00.000Z';
export const coalition: CoalitionView = {
  _id: 'c1',
  id: 'c1',
  version: 3,
  updatedAt: at,
  name: 'Lao PDR country coalition',
  affectedStateId: 'LAO',
  leadPartnerId: 'NOR',
  formedAt: at,
  status: 'active',
  memberships: [
    { participantId: 'LAO', role: 'affected_state', since: at },
    { participantId: 'NOR', role: 'lead_partner', since: at },
    { participantId: 'DEU', role: 'supporting_partner', since: at, until: '2025-04-01T00:00:00.000Z' },
  ],
  memberIds: ['LAO', 'NOR'],
};

export function need(id: string, pillar: Pillar, quantity: Quantity, allocated: string, delivered: string): NeedView {
  const remaining = q((Number(quantity.amount) - Number(allocated)).toFixed(2), quantity.unit);
  return {
    _id: id,
    id,
    version: 2,
    updatedAt: at,
    requesterId: 'LAO',
    pillar,
    assistanceType: 'financial',
    title: `need ${id}`,
    priority: id === 'n2' ? 'critical' : 'medium',
    postedAt: '2025-03-01T10:00:00.000Z',
    status: 'partially_allocated',
    quantity,
    allocated: q(allocated, quantity.unit),
    delivered: q(delivered, quantity.unit),
    remaining,
    reservations: {},
    deliveryIds: [],
  };
}

export function allocation(
  id: string,
  needId: string,
  donorId: string,
  amount: string,
  confirmed: string,
): AllocationView {
  return {
    _id: id,
    id,
    version: 3,
    updatedAt: at,
    pledgeId: `p-${donorId}`,
    needId,
    donorId,
    recipientId: 'LAO',
    assistanceType: 'financial',
    pillar: 'clearance',
    amount: q(amount, 'USD'),
    needAmount: q(amount, 'USD'),
    requestedAt: at,
    status: 'accepted',
    deliveries: {
      [`d-${id}`]: {
        id: `d-${id}`,
        amount: q(confirmed, 'USD'),
        deliveredOn: '2025-03-10',
        status: 'confirmed',
        note: 'internal note of the donor',
        reference: 'NOR-2025-17',
      },
    },
    confirmed: q(confirmed, 'USD'),
    confirmedNeedAmount: q(confirmed, 'USD'),
  };
}

export const pledge = (donorId: string): PledgeView =>
  ({
    _id: `p-${donorId}`,
    id: `p-${donorId}`,
    donorId,
    status: 'partially_allocated',
    quantity: q('500000.00', 'USD'),
    allocated: q('300000.00', 'USD'),
    delivered: q('100000.00', 'USD'),
    conditions: 'only for the north',
  }) as unknown as PledgeView;

/**
 * By hand: n1 clearance USD 1,000,000, allocated 450,000 (NOR 300,000 of which 100,000 delivered; DEU, a former
 * member, 150,000), unmet 550,000. n2 victim assistance USD 200,000, nothing allocated, unmet 200,000. A need of
 * another state is not the coalition's.
 */
export const sources = {
  needs: [
    need('n1', 'clearance', q('1000000.00', 'USD'), '450000.00', '100000.00'),
    need('n2', 'victim_assistance', q('200000.00', 'USD'), '0.00', '0.00'),
    { ...need('n3', 'clearance', q('5.00', 'USD'), '0.00', '0.00'), requesterId: 'KHM' },
  ],
  allocations: [
    allocation('a1', 'n1', 'NOR', '300000.00', '100000.00'),
    allocation('a2', 'n1', 'DEU', '150000.00', '0.00'),
  ],
  pledges: [pledge('NOR'), pledge('DEU')],
};
