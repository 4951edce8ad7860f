import { by, coordinator, laos } from '../testing/actors';
import type { NeedPosted } from './events';
import { given, needId, usd, posted, reserved, delivered, withdrawn } from './need.fixtures';

describe('need', () => {
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
