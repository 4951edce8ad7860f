import { fold, q, streamOf } from '../testing/envelopes';
import { evolveAllocationView } from './allocation-view';

const sides = { allocationId: 'a1', pledgeId: 'p1', needId: 'n1' };
const event = streamOf('allocation', 'a1');
const events = [
  event('AllocationRequested', {
    ...sides,
    donorId: 'NOR',
    recipientId: 'LAO',
    assistanceType: 'financial',
    pillar: 'clearance',
    amount: q('1000.00', 'NOK'),
    needAmount: q('87.65', 'EUR'),
    committedOn: '2024-06-01',
    requestedAt: '2025-03-01T10:00:00.000Z',
  }),
  event('AllocationProposed', sides),
  event('AllocationAccepted', sides),
  event('DeliveryRecorded', { ...sides, deliveryId: 'd1', amount: q('400.00', 'NOK'), deliveredOn: '2025-01-02' }),
  event('DeliveryConfirmed', {
    ...sides,
    deliveryId: 'd1',
    amount: q('400.00', 'NOK'),
    needAmount: q('35.06', 'EUR'),
    status: 'partially_delivered',
  }),
];

describe('the allocations read model', () => {
  it('follows the lifecycle and keeps each delivery with its status', () => {
    const allocation = fold(evolveAllocationView, events)!;
    expect(allocation).toMatchObject({
      id: 'a1',
      version: 5,
      status: 'partially_delivered',
      confirmed: q('400.00', 'NOK'),
      confirmedNeedAmount: q('35.06', 'EUR'),
      deliveries: { d1: { id: 'd1', status: 'confirmed', deliveredOn: '2025-01-02' } },
    });
  });

  it('a redelivered event is not counted twice', () => {
    expect(fold(evolveAllocationView, [...events, events[4], events[3]])).toEqual(fold(evolveAllocationView, events));
  });
});
