import { by, laos, norway, vietnam } from '../testing/actors';
import type { AllocationEvent } from './events';
import { allocationDecider } from './index';
import {
  given,
  allocationId,
  sides,
  eur,
  recorded,
  live,
  inDispute,
  withdraw,
  withdrawDispute,
  confirm,
} from './allocation.fixtures';

describe('delivery disputes', () => {
  describe('a withdrawal by the donor', () => {
    const withdrawn: AllocationEvent = {
      type: 'DeliveryWithdrawn',
      data: { ...sides, deliveryId: 'd1', amount: eur('600.00'), reason: 'recorded twice' },
    };

    it('takes the delivery out of every count, once', () => {
      given(...inDispute)
        .when(withdraw())
        .then([withdrawn]);
      const state = given(...inDispute, withdrawn);
      expect(state.state?.deliveries.d1?.status).toBe('withdrawn');
      expect(state.state?.confirmed).toEqual(eur('0.00'));
      state.when(withdraw()).then([]);
      state.when(confirm).thenFails('INVALID_TRANSITION');
      state.when(withdrawDispute()).thenFails('INVALID_TRANSITION');
    });

    it('frees the amount for another delivery', () => {
      given(...inDispute, withdrawn)
        .when({
          type: 'RecordDelivery',
          data: { allocationId, deliveryId: 'd2', amount: { amount: 1000, unit: 'EUR' }, deliveredOn: '2026-02-20' },
          metadata: by(norway),
        })
        .then([
          { ...recorded('d2', '1000.00'), data: { ...recorded('d2', '1000.00').data, deliveredOn: '2026-02-20' } },
        ]);
    });

    it('is only for a disputed delivery, by the donor', () => {
      given(...live, recorded('d1', '600.00'))
        .when(withdraw())
        .thenFails('INVALID_TRANSITION');
      given(...inDispute)
        .when(withdraw(laos))
        .thenFails('FORBIDDEN_PARTICIPANT');
    });
  });

  describe('a dispute withdrawn by the recipient', () => {
    it('confirms the delivery as recorded, in the same decision', () => {
      given(...inDispute)
        .when(withdrawDispute({ reason: 'the rest was found at customs', receivedOn: '2026-02-15' }))
        .then([
          {
            type: 'DeliveryDisputeWithdrawn',
            data: { ...sides, deliveryId: 'd1', reason: 'the rest was found at customs' },
          },
          {
            type: 'DeliveryConfirmed',
            data: {
              ...sides,
              deliveryId: 'd1',
              amount: eur('600.00'),
              needAmount: eur('600.00'),
              receivedOn: '2026-02-15',
              status: 'partially_delivered',
            },
          },
        ]);
    });

    it('is idempotent once confirmed', () => {
      const [first, second] = allocationDecider.decide(
        withdrawDispute(),
        inDispute.reduce(allocationDecider.evolve, allocationDecider.initialState),
      );
      given(...inDispute, first!, second!)
        .when(withdrawDispute())
        .then([]);
    });

    it('refuses to reinstate more than the allocation once a replacement was sent', () => {
      given(...inDispute, recorded('d2', '600.00'))
        .when(withdrawDispute())
        .thenFails('OVER_DELIVERY');
    });

    it('is only for a disputed delivery, by its recipient', () => {
      given(...live, recorded('d1', '600.00'))
        .when(withdrawDispute())
        .thenFails('INVALID_TRANSITION');
      given(...inDispute)
        .when(withdrawDispute({}, norway))
        .thenFails('FORBIDDEN_PARTICIPANT');
      given(...inDispute)
        .when(withdrawDispute({}, vietnam))
        .thenFails('FORBIDDEN_PARTICIPANT');
      given(...inDispute)
        .when(withdrawDispute({ receivedOn: '2026-03-05' }))
        .thenFails('DATE_IN_FUTURE');
    });
  });
});
