import { by, germany, laos, norway, now, vietnam } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { AllocationEvent, DeliveryDisputed, DeliveryRecorded } from './events';
import { allocationDecider } from './index';

const given = specFor(allocationDecider);
const allocationId = 'alloc-1';
const sides = { allocationId, pledgeId: 'p1', needId: 'n1' };
const eur = (amount: string) => ({ amount, unit: 'EUR' });

const live: AllocationEvent[] = [
  {
    type: 'AllocationRequested',
    data: {
      ...sides,
      donorId: 'NOR',
      recipientId: 'LAO',
      assistanceType: 'financial',
      pillar: 'clearance',
      amount: eur('1000.00'),
      needAmount: eur('1000.00'),
      requestedAt: now,
    },
  },
  { type: 'AllocationProposed', data: sides },
  { type: 'AllocationAccepted', data: sides },
];
const recorded = (deliveryId: string, amount: string): DeliveryRecorded => ({
  type: 'DeliveryRecorded',
  data: { ...sides, deliveryId, amount: eur(amount), deliveredOn: '2026-02-01' },
});
const disputed = (deliveryId: string, amount: string): DeliveryDisputed => ({
  type: 'DeliveryDisputed',
  data: { ...sides, deliveryId, amount: eur(amount), reason: 'only 500 arrived', disputedAt: '2026-02-10T09:00:00Z' },
});
const inDispute = [...live, recorded('d1', '600.00'), disputed('d1', '600.00')];

const correct = (data: object, actor = norway) => ({
  type: 'CorrectDelivery' as const,
  data: { allocationId, deliveryId: 'd1', reason: 'the second crate left later', ...data },
  metadata: by(actor),
});
const withdraw = (actor = norway) => ({
  type: 'WithdrawDelivery' as const,
  data: { allocationId, deliveryId: 'd1', reason: 'recorded twice' },
  metadata: by(actor),
});
const withdrawDispute = (data: object = {}, actor = laos) => ({
  type: 'WithdrawDeliveryDispute' as const,
  data: { allocationId, deliveryId: 'd1', ...data },
  metadata: by(actor),
});
const confirm = { type: 'ConfirmDelivery' as const, data: { allocationId, deliveryId: 'd1' }, metadata: by(laos) };

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
