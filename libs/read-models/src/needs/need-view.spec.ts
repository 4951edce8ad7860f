import { fold, q, streamOf } from '../testing/envelopes';
import { evolveNeedView } from './need-view';

const event = streamOf('need', 'n1');
const events = [
  event('NeedPosted', {
    needId: 'n1',
    requesterId: 'LAO',
    pillar: 'clearance',
    assistanceType: 'financial',
    title: 'Survey teams',
    quantity: q('1000.00', 'EUR'),
    priority: 'high',
    postedAt: '2025-03-01T10:00:00.000Z',
  }),
  event('NeedCapacityReserved', {
    needId: 'n1',
    allocationId: 'a1',
    amount: q('600.10', 'EUR'),
    status: 'partially_allocated',
  }),
  event('NeedCapacityReserved', { needId: 'n1', allocationId: 'a2', amount: q('399.90', 'EUR'), status: 'allocated' }),
  event('NeedDeliveryConfirmed', {
    needId: 'n1',
    allocationId: 'a1',
    deliveryId: 'd1',
    amount: q('100.10', 'EUR'),
    status: 'partially_delivered',
  }),
  event('NeedCapacityReleased', {
    needId: 'n1',
    allocationId: 'a2',
    released: q('399.90', 'EUR'),
    status: 'partially_delivered',
  }),
];

describe('the needs read model', () => {
  it('keeps allocated, delivered, remaining (exact) and status, and the last version applied', () => {
    const need = fold(evolveNeedView, events)!;
    expect(need).toMatchObject({
      _id: 'n1',
      id: 'n1',
      version: 5,
      status: 'partially_delivered',
      allocated: q('600.10', 'EUR'),
      delivered: q('100.10', 'EUR'),
      remaining: q('399.90', 'EUR'),
      updatedAt: events[4].occurredAt,
    });
  });

  it('replaying every event again changes nothing (each version is applied once)', () => {
    const once = fold(evolveNeedView, events);
    expect(fold(evolveNeedView, events, once)).toBe(once);
    expect(fold(evolveNeedView, [...events.slice(0, 3), ...events.slice(0, 3)])).toEqual(
      fold(evolveNeedView, events.slice(0, 3)),
    );
  });

  it('ignores events before its posting (nothing to show yet)', () => {
    expect(evolveNeedView(null, events[1])).toBeNull();
  });
});
