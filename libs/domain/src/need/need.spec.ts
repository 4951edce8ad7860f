import { by, coordinator, laos, norway, now, vietnam } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { NeedCapacityReserved, NeedDeliveryConfirmed, NeedPosted, NeedWithdrawn } from './events';
import { needDecider } from './index';

const given = specFor(needDecider);
const needId = 'need-1';
const usd = (amount: string) => ({ amount, unit: 'USD' });

const posted: NeedPosted = {
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
const reserved = (allocationId: string, amount: string, status: string): NeedCapacityReserved => ({
  type: 'NeedCapacityReserved',
  data: { needId, allocationId, amount: usd(amount), status } as NeedCapacityReserved['data'],
});
const delivered = (deliveryId: string, amount: string, status: string): NeedDeliveryConfirmed => ({
  type: 'NeedDeliveryConfirmed',
  data: { needId, allocationId: 'a1', deliveryId, amount: usd(amount), status } as NeedDeliveryConfirmed['data'],
});
const withdrawn: NeedWithdrawn = { type: 'NeedWithdrawn', data: { needId, reason: 'done', openAllocationIds: [] } };

describe('need', () => {
  describe('posting', () => {
    const post = {
      needId,
      requesterId: 'LAO',
      pillar: 'clearance' as const,
      assistanceType: 'financial' as const,
      title: 'Survey of Xieng Khouang',
      quantity: { amount: 1000, unit: 'USD' },
      priority: 'high' as const,
    };

    it('is posted by the affected state for itself', () => {
      given()
        .when({ type: 'PostNeed', data: post, metadata: by(laos) })
        .then([posted]);
    });

    it('may be posted by a coordinator on its behalf', () => {
      given()
        .when({ type: 'PostNeed', data: post, metadata: by(coordinator) })
        .then([posted]);
    });

    it('cannot be posted for another state', () => {
      given()
        .when({ type: 'PostNeed', data: post, metadata: by(vietnam) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('is posted once', () => {
      given(posted)
        .when({ type: 'PostNeed', data: post, metadata: by(laos) })
        .thenFails('ALREADY_EXISTS');
    });

    it.each([
      [{ quantity: { amount: 5, unit: 'items' } }, 'INVALID_UNIT'],
      [{ assistanceType: 'material', quantity: { amount: 5, unit: 'EUR' } }, 'INVALID_UNIT'],
      [{ quantity: { amount: 10.005, unit: 'USD' } }, 'INVALID_AMOUNT'],
      [{ quantity: { amount: 0, unit: 'USD' } }, 'INVALID_AMOUNT'],
      [{ pillar: 'demining' }, 'INVALID_FIELD'],
      [{ category: 'Metal Detectors' }, 'INVALID_FIELD'],
      [{ neededBy: '2027-02-30' }, 'INVALID_DATE'],
    ])('rejects %j with %s', (change, code) => {
      given()
        .when({ type: 'PostNeed', data: { ...post, ...change }, metadata: by(laos) } as never)
        .thenFails(code as never);
    });
  });

  describe('revision', () => {
    it('records only what changes, with the resulting status', () => {
      given(posted, reserved('a1', '400.00', 'partially_allocated'))
        .when({
          type: 'ReviseNeed',
          data: { needId, quantity: { amount: 400, unit: 'USD' }, priority: 'high' },
          metadata: by(laos),
        })
        .then([{ type: 'NeedRevised', data: { needId, quantity: usd('400.00'), status: 'allocated' } }]);
    });

    it('never goes below what is allocated', () => {
      given(posted, reserved('a1', '400.00', 'partially_allocated'))
        .when({ type: 'ReviseNeed', data: { needId, quantity: { amount: 399.99, unit: 'USD' } }, metadata: by(laos) })
        .thenFails('BELOW_ALLOCATED');
    });

    it('keeps its unit', () => {
      given(posted)
        .when({ type: 'ReviseNeed', data: { needId, quantity: { amount: 10, unit: 'EUR' } }, metadata: by(laos) })
        .thenFails('UNIT_MISMATCH');
    });

    it('is for the owner only', () => {
      given(posted)
        .when({ type: 'ReviseNeed', data: { needId, priority: 'low' }, metadata: by(norway) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('cannot revise a need that does not exist', () => {
      given()
        .when({ type: 'ReviseNeed', data: { needId, priority: 'low' }, metadata: by(laos) })
        .thenFails('NOT_FOUND');
    });
  });

  describe('withdrawal', () => {
    it('names the allocations still holding capacity', () => {
      given(posted, reserved('a1', '100.00', 'partially_allocated'), reserved('a2', '50.00', 'partially_allocated'))
        .when({ type: 'WithdrawNeed', data: { needId, reason: 'funded nationally' }, metadata: by(laos) })
        .then([
          { type: 'NeedWithdrawn', data: { needId, reason: 'funded nationally', openAllocationIds: ['a1', 'a2'] } },
        ]);
    });

    it('is idempotent', () => {
      given(posted, withdrawn)
        .when({ type: 'WithdrawNeed', data: { needId, reason: 'again' }, metadata: by(laos) })
        .then([]);
    });

    it('is refused once fulfilled', () => {
      given(posted, reserved('a1', '1000.00', 'allocated'), delivered('d1', '1000.00', 'fulfilled'))
        .when({ type: 'WithdrawNeed', data: { needId, reason: 'late' }, metadata: by(laos) })
        .thenFails('INVALID_TRANSITION');
    });
  });

  describe('capacity', () => {
    const reserve = (allocationId: string, amount: number | string) => ({
      type: 'ReserveNeedCapacity' as const,
      data: { needId, allocationId, amount: { amount, unit: 'USD' } },
      metadata: by(coordinator),
    });

    it('moves from open to partially allocated to allocated', () => {
      given(posted)
        .when(reserve('a1', 600))
        .then([reserved('a1', '600.00', 'partially_allocated')]);
      given(posted, reserved('a1', '600.00', 'partially_allocated'))
        .when(reserve('a2', '400.00'))
        .then([reserved('a2', '400.00', 'allocated')]);
    });

    it('never exceeds the quantity', () => {
      given(posted, reserved('a1', '600.00', 'partially_allocated'))
        .when(reserve('a2', 400.01))
        .thenFails('OVER_ALLOCATION');
    });

    it('adds 0.1 and 0.2 exactly', () => {
      const tenth: NeedPosted = { ...posted, data: { ...posted.data, quantity: usd('0.30') } };
      given(tenth, reserved('a1', '0.10', 'partially_allocated'))
        .when(reserve('a2', 0.2))
        .then([reserved('a2', '0.20', 'allocated')]);
    });

    it('reserves once per allocation', () => {
      given(posted, reserved('a1', '600.00', 'partially_allocated'))
        .when(reserve('a1', 600))
        .then([]);
    });

    it('refuses reservations on a withdrawn need', () => {
      given(posted, withdrawn).when(reserve('a1', 1)).thenFails('NEED_NOT_OPEN');
    });

    it('releases a reservation, and only once', () => {
      const release = {
        type: 'ReleaseNeedCapacity' as const,
        data: { needId, allocationId: 'a1' },
        metadata: by(coordinator),
      };
      const released = {
        type: 'NeedCapacityReleased' as const,
        data: { needId, allocationId: 'a1', released: usd('600.00'), status: 'open' as const },
      };
      given(posted, reserved('a1', '600.00', 'partially_allocated'))
        .when(release)
        .then([released]);
      given(posted, reserved('a1', '600.00', 'partially_allocated'), released)
        .when(release)
        .then([]);
      given(posted).when(release).then([]);
    });

    it('keeps the delivered part of a released reservation', () => {
      const { state } = given(
        posted,
        reserved('a1', '600.00', 'partially_allocated'),
        delivered('d1', '250.00', 'partially_delivered'),
        {
          type: 'NeedCapacityReleased',
          data: { needId, allocationId: 'a1', released: usd('350.00'), status: 'partially_delivered' },
        },
      );
      expect(state).toMatchObject({
        allocated: usd('250.00'),
        delivered: usd('250.00'),
        status: 'partially_delivered',
      });
    });
  });

  describe('deliveries', () => {
    const record = (deliveryId: string, amount: number) => ({
      type: 'RecordNeedDelivery' as const,
      data: { needId, allocationId: 'a1', deliveryId, amount: { amount, unit: 'USD' } },
      metadata: by(laos),
    });
    const allocated = reserved('a1', '1000.00', 'allocated');

    it('is partially delivered and then fulfilled', () => {
      given(posted, allocated)
        .when(record('d1', 300))
        .then([delivered('d1', '300.00', 'partially_delivered')]);
      given(posted, allocated, delivered('d1', '300.00', 'partially_delivered'))
        .when(record('d2', 700))
        .then([delivered('d2', '700.00', 'fulfilled')]);
    });

    it('counts a delivery once', () => {
      given(posted, allocated, delivered('d1', '300.00', 'partially_delivered'))
        .when(record('d1', 300))
        .then([]);
    });

    it('never exceeds the allocation', () => {
      given(posted, allocated).when(record('d1', 1000.01)).thenFails('OVER_DELIVERY');
    });

    it('needs a reservation', () => {
      given(posted).when(record('d1', 1)).thenFails('UNKNOWN_ALLOCATION');
    });
  });
});
