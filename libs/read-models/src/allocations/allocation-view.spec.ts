import { fold, q, streamOf } from '../testing/envelopes';
import { contributionOf } from '../support/support';
import { confirmedDeliveriesOf } from '../matching/matchables';
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

  describe('answers to a dispute', () => {
    const disputed = (deliveryId: string, amount: string) =>
      event('DeliveryDisputed', {
        ...sides,
        deliveryId,
        amount: q(amount, 'NOK'),
        reason: 'short',
        disputedAt: '2025-02-01T00:00:00Z',
      });
    const answered = [
      ...events,
      event('DeliveryRecorded', { ...sides, deliveryId: 'd2', amount: q('300.00', 'NOK'), deliveredOn: '2025-01-05' }),
      event('DeliveryRecorded', { ...sides, deliveryId: 'd3', amount: q('100.00', 'NOK'), deliveredOn: '2025-01-06' }),
      event('DeliveryRecorded', { ...sides, deliveryId: 'd4', amount: q('50.00', 'NOK'), deliveredOn: '2025-01-07' }),
      disputed('d2', '300.00'),
      disputed('d3', '100.00'),
      disputed('d4', '50.00'),
      event('DeliveryCorrected', {
        ...sides,
        deliveryId: 'd2',
        amount: q('250.00', 'NOK'),
        deliveredOn: '2025-01-05',
        previous: { amount: q('300.00', 'NOK'), deliveredOn: '2025-01-05' },
        reason: 'fifty stayed behind',
      }),
      event('DeliveryWithdrawn', { ...sides, deliveryId: 'd3', amount: q('100.00', 'NOK'), reason: 'twice' }),
      event('DeliveryDisputeWithdrawn', { ...sides, deliveryId: 'd4' }),
      event('DeliveryConfirmed', {
        ...sides,
        deliveryId: 'd4',
        amount: q('50.00', 'NOK'),
        needAmount: q('4.38', 'EUR'),
        status: 'partially_delivered',
      }),
    ];

    it('folds corrections, withdrawals and withdrawn disputes into the deliveries and the confirmed totals', () => {
      const allocation = fold(evolveAllocationView, answered)!;
      expect(allocation.deliveries).toMatchObject({
        d2: { status: 'recorded', amount: q('250.00', 'NOK'), corrections: 1 },
        d3: { status: 'withdrawn' },
        d4: { status: 'confirmed' },
      });
      expect(allocation.deliveries.d2?.disputedAt).toBeUndefined();
      expect(allocation).toMatchObject({ confirmed: q('450.00', 'NOK'), confirmedNeedAmount: q('39.44', 'EUR') });
      expect(contributionOf(allocation).disbursed).toEqual(q('450.00', 'NOK'));
      expect(confirmedDeliveriesOf(allocation)).toBe(2);
    });

    it('gives the same document replayed, redelivered or rebuilt from the start', () => {
      const once = fold(evolveAllocationView, answered);
      expect(fold(evolveAllocationView, [...answered, ...answered.slice(5)])).toEqual(once);
      expect(fold(evolveAllocationView, answered, fold(evolveAllocationView, answered.slice(0, 9)))).toEqual(once);
    });
  });
});
