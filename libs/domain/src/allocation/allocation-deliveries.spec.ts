import { by, laos, norway } from '../testing/actors';
import type { AllocationEvent, AllocationRequested, DeliveryConfirmed } from './events';
import { allocationDecider } from './index';
import {
  given,
  allocationId,
  sides,
  eur,
  usd,
  requested,
  proposed,
  accepted,
  recorded,
  confirmed,
  live,
} from './allocation.fixtures';

describe('allocation', () => {
  describe('deliveries', () => {
    const record = (deliveryId: string, amount: number, deliveredOn = '2026-02-01') => ({
      type: 'RecordDelivery' as const,
      data: { allocationId, deliveryId, amount: { amount, unit: 'EUR' }, deliveredOn },
      metadata: by(norway),
    });
    const confirm = (deliveryId: string) => ({
      type: 'ConfirmDelivery' as const,
      data: { allocationId, deliveryId },
      metadata: by(laos),
    });

    it('are recorded by the donor once accepted', () => {
      given(...live)
        .when(record('d1', 400))
        .then([recorded('d1', '400.00')]);
      given(requested, proposed).when(record('d1', 400)).thenFails('INVALID_TRANSITION');
      given(...live)
        .when({ ...record('d1', 400), metadata: by(laos) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('never exceed the allocation, but a disputed delivery frees its amount', () => {
      given(...live, recorded('d1', '600.00'))
        .when(record('d2', 400.01))
        .thenFails('OVER_DELIVERY');
      const disputed: AllocationEvent = {
        type: 'DeliveryDisputed',
        data: { ...sides, deliveryId: 'd1', amount: eur('600.00'), reason: 'not received' },
      };
      given(...live, recorded('d1', '600.00'), disputed)
        .when(record('d2', 1000))
        .then([recorded('d2', '1000.00')]);
    });

    it('are not dated in the future', () => {
      given(...live)
        .when(record('d1', 1, '2026-03-02'))
        .thenFails('DATE_IN_FUTURE');
    });

    it('move the allocation to partially delivered, then completed', () => {
      given(...live, recorded('d1', '400.00'))
        .when(confirm('d1'))
        .then([confirmed('d1', '400.00', 'partially_delivered')]);
      const state = given(
        ...live,
        recorded('d1', '400.00'),
        confirmed('d1', '400.00', 'partially_delivered'),
        recorded('d2', '600.00'),
      );
      state.when(confirm('d2')).then([confirmed('d2', '600.00', 'completed')]);
      state.when(confirm('d1')).then([]);
    });

    it('are confirmed or disputed by the recipient only', () => {
      given(...live, recorded('d1', '400.00'))
        .when({ ...confirm('d1'), metadata: by(norway) })
        .thenFails('FORBIDDEN_PARTICIPANT');
      given(...live)
        .when(confirm('d9'))
        .thenFails('UNKNOWN_DELIVERY');
    });

    it('cannot confirm a disputed delivery', () => {
      given(...live, recorded('d1', '400.00'), {
        type: 'DeliveryDisputed',
        data: { ...sides, deliveryId: 'd1', amount: eur('400.00'), reason: 'short' },
      })
        .when(confirm('d1'))
        .thenFails('INVALID_TRANSITION');
    });

    it('split a converted amount so that confirmed shares add up exactly', () => {
      const converted: AllocationRequested = {
        ...requested,
        data: { ...requested.data, amount: eur('3.00'), needAmount: usd('1.00') },
      };
      const thirds = [
        converted,
        proposed,
        accepted,
        recorded('d1', '1.00'),
        recorded('d2', '1.00'),
        recorded('d3', '1.00'),
      ];
      const shares: string[] = [];
      const history: AllocationEvent[] = [...thirds];
      for (const deliveryId of ['d1', 'd2', 'd3']) {
        const state = history.reduce(allocationDecider.evolve, allocationDecider.initialState);
        const [event] = allocationDecider.decide(confirm(deliveryId), state);
        history.push(event);
        shares.push((event as DeliveryConfirmed).data.needAmount.amount);
      }
      expect(shares).toEqual(['0.33', '0.34', '0.33']);
      const final = history.reduce(allocationDecider.evolve, allocationDecider.initialState);
      expect(final).toMatchObject({ status: 'completed', confirmedNeedAmount: usd('1.00') });
    });
  });
});
