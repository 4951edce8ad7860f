import { by, coordinator } from '../testing/actors';
import { given, pledgeId, submitted, reserved, delivered, reserve } from './pledge.fixtures';

describe('pledge', () => {
  describe('capacity', () => {
    it('moves from open to partially allocated to allocated', () => {
      given(submitted)
        .when(reserve('a1', 400000))
        .then([reserved('a1', '400000.00', 'partially_allocated')]);
      given(submitted, reserved('a1', '400000.00', 'partially_allocated'))
        .when(reserve('a2', 600000))
        .then([reserved('a2', '600000.00', 'allocated')]);
    });

    it('never exceeds the quantity', () => {
      given(submitted, reserved('a1', '400000.00', 'partially_allocated'))
        .when(reserve('a2', 600000.01))
        .thenFails('OVER_ALLOCATION');
    });

    it('reserves once per allocation', () => {
      given(submitted, reserved('a1', '1.00', 'partially_allocated'))
        .when(reserve('a1', 1))
        .then([]);
    });

    it('refuses reservations after validUntil, even before the expiry is recorded', () => {
      given(submitted)
        .when(reserve('a1', 1, '2026-12-31T23:59:59Z'))
        .then([reserved('a1', '1.00', 'partially_allocated')]);
      given(submitted)
        .when(reserve('a1', 1, '2027-01-01T00:00:00Z'))
        .thenFails('PLEDGE_NOT_OPEN');
    });

    it('is fulfilled when deliveries cover the quantity', () => {
      given(submitted, reserved('a1', '1000000.00', 'allocated'))
        .when({
          type: 'RecordPledgeDelivery',
          data: { pledgeId, allocationId: 'a1', deliveryId: 'd1', amount: { amount: '1000000', unit: 'NOK' } },
          metadata: by(coordinator),
        })
        .then([delivered('d1', '1000000.00', 'fulfilled')]);
    });
  });
});
