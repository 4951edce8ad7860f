import { by, germany, laos, now } from '../testing/actors';
import type { AllocationEvent } from './events';
import {
  given,
  allocationId,
  sides,
  eur,
  recorded,
  live,
  disputed,
  inDispute,
  correct,
  confirm,
} from './allocation.fixtures';

describe('delivery disputes', () => {
  describe('raising one', () => {
    it('records when the dispute was raised, for the reconciliation ages', () => {
      given(...live, recorded('d1', '600.00'))
        .when({
          type: 'DisputeDelivery',
          data: { allocationId, deliveryId: 'd1', reason: 'only 500 arrived' },
          metadata: by(laos),
        })
        .then([{ ...disputed('d1', '600.00'), data: { ...disputed('d1', '600.00').data, disputedAt: now } }]);
    });
  });

  describe('a correction by the donor', () => {
    it('replaces the amount and/or date, keeps the previous ones, and awaits confirmation again', () => {
      const corrected: AllocationEvent = {
        type: 'DeliveryCorrected',
        data: {
          ...sides,
          deliveryId: 'd1',
          amount: eur('500.00'),
          deliveredOn: '2026-02-03',
          previous: { amount: eur('600.00'), deliveredOn: '2026-02-01' },
          reason: 'the second crate left later',
        },
      };
      given(...inDispute)
        .when(correct({ amount: { amount: 500, unit: 'EUR' }, deliveredOn: '2026-02-03' }))
        .then([corrected]);
      const state = given(...inDispute, corrected);
      expect(state.state?.deliveries.d1).toMatchObject({ status: 'recorded', amount: eur('500.00'), corrections: 1 });
      expect(state.state?.deliveries.d1?.disputedAt).toBeUndefined();
      state.when(confirm).then([
        {
          type: 'DeliveryConfirmed',
          data: {
            ...sides,
            deliveryId: 'd1',
            amount: eur('500.00'),
            needAmount: eur('500.00'),
            status: 'partially_delivered',
          },
        },
      ]);
    });

    it('may change the date alone', () => {
      given(...inDispute)
        .when(correct({ deliveredOn: '2026-01-20' }))
        .then([
          {
            type: 'DeliveryCorrected',
            data: {
              ...sides,
              deliveryId: 'd1',
              amount: eur('600.00'),
              deliveredOn: '2026-01-20',
              previous: { amount: eur('600.00'), deliveredOn: '2026-02-01' },
              reason: 'the second crate left later',
            },
          },
        ]);
    });

    it('must change something, within the allocation, in its unit, not in the future', () => {
      given(...inDispute)
        .when(correct({}))
        .thenFails('INVALID_FIELD');
      given(...inDispute)
        .when(correct({ amount: { amount: 600, unit: 'EUR' } }))
        .thenFails('INVALID_FIELD');
      given(...inDispute, recorded('d2', '400.00'))
        .when(correct({ amount: { amount: 600.01, unit: 'EUR' } }))
        .thenFails('OVER_DELIVERY');
      given(...inDispute)
        .when(correct({ amount: { amount: 500, unit: 'USD' } }))
        .thenFails('UNIT_MISMATCH');
      given(...inDispute)
        .when(correct({ deliveredOn: '2026-03-02' }))
        .thenFails('DATE_IN_FUTURE');
      given(...inDispute)
        .when(correct({ amount: { amount: 500, unit: 'EUR' }, reason: '' }))
        .thenFails('INVALID_FIELD');
    });

    it('is only for a disputed delivery', () => {
      given(...live, recorded('d1', '600.00'))
        .when(correct({ amount: { amount: 500, unit: 'EUR' } }))
        .thenFails('INVALID_TRANSITION');
      given(...inDispute)
        .when(correct({ deliveryId: 'd9', amount: { amount: 500, unit: 'EUR' } }))
        .thenFails('UNKNOWN_DELIVERY');
    });

    it('is for the donor only', () => {
      given(...inDispute)
        .when(correct({ amount: { amount: 500, unit: 'EUR' } }, laos))
        .thenFails('FORBIDDEN_PARTICIPANT');
      given(...inDispute)
        .when(correct({ amount: { amount: 500, unit: 'EUR' } }, germany))
        .thenFails('FORBIDDEN_PARTICIPANT');
    });
  });
});
