import { fold, q, streamOf } from '../testing/envelopes';
import { evolvePledgeView } from './pledge-view';

const event = streamOf('pledge', 'p1');
const events = [
  event('PledgeSubmitted', {
    pledgeId: 'p1',
    donorId: 'NOR',
    assistanceType: 'material',
    pillars: ['clearance'],
    category: 'metal_detectors',
    quantity: q('10.00', 'items'),
    submittedAt: '2025-03-01T10:00:00.000Z',
  }),
  event('PledgeCapacityReserved', {
    pledgeId: 'p1',
    allocationId: 'a1',
    amount: q('4.00', 'items'),
    status: 'partially_allocated',
  }),
  event('PledgeDeliveryConfirmed', {
    pledgeId: 'p1',
    allocationId: 'a1',
    deliveryId: 'd1',
    amount: q('4.00', 'items'),
    status: 'partially_allocated',
  }),
  event('PledgeWithdrawn', { pledgeId: 'p1', reason: 'budget', released: q('6.00', 'items'), openAllocationIds: [] }),
];

describe('the pledges read model', () => {
  it('keeps totals and the sticky withdrawn status', () => {
    expect(fold(evolvePledgeView, events)).toMatchObject({
      id: 'p1',
      version: 4,
      status: 'withdrawn',
      allocated: q('4.00', 'items'),
      delivered: q('4.00', 'items'),
      remaining: q('6.00', 'items'),
    });
  });

  it('replaying the stream twice gives the same document', () => {
    expect(fold(evolvePledgeView, [...events, ...events])).toEqual(fold(evolvePledgeView, events));
  });
});
