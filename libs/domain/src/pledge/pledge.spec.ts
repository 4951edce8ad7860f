import { by, coordinator, germany, norway, now } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { PledgeCapacityReserved, PledgeDeliveryConfirmed, PledgeStatus, PledgeSubmitted } from './index';
import { pledgeDecider } from './index';

const given = specFor(pledgeDecider);
const pledgeId = 'pledge-1';
const nok = (amount: string) => ({ amount, unit: 'NOK' });

const submitted: PledgeSubmitted = {
  type: 'PledgeSubmitted',
  data: {
    pledgeId,
    donorId: 'NOR',
    assistanceType: 'financial',
    pillars: ['clearance', 'risk_education'],
    quantity: nok('1000000.00'),
    validUntil: '2026-12-31',
    submittedAt: now,
  },
};
const reserved = (allocationId: string, amount: string, status: PledgeStatus): PledgeCapacityReserved => ({
  type: 'PledgeCapacityReserved',
  data: { pledgeId, allocationId, amount: nok(amount), status },
});
const delivered = (deliveryId: string, amount: string, status: PledgeStatus): PledgeDeliveryConfirmed => ({
  type: 'PledgeDeliveryConfirmed',
  data: { pledgeId, allocationId: 'a1', deliveryId, amount: nok(amount), status },
});
const reserve = (allocationId: string, amount: number, at = now) => ({
  type: 'ReservePledgeCapacity' as const,
  data: { pledgeId, allocationId, amount: { amount, unit: 'NOK' } },
  metadata: by(coordinator, at),
});

describe('pledge', () => {
  describe('submission', () => {
    const submit = {
      pledgeId,
      donorId: 'NOR',
      assistanceType: 'financial' as const,
      pillars: ['clearance' as const, 'risk_education' as const],
      quantity: { amount: 1000000, unit: 'NOK' },
      validUntil: '2026-12-31',
    };

    it('is submitted by the donor for itself', () => {
      given()
        .when({ type: 'SubmitPledge', data: submit, metadata: by(norway) })
        .then([submitted]);
    });

    it('cannot be submitted for another donor', () => {
      given()
        .when({ type: 'SubmitPledge', data: submit, metadata: by(germany) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('keeps an effective date in the past', () => {
      given()
        .when({ type: 'SubmitPledge', data: { ...submit, pledgedOn: '2019-05-01' }, metadata: by(norway) })
        .then([{ ...submitted, data: { ...submitted.data, pledgedOn: '2019-05-01' } }]);
      given()
        .when({ type: 'SubmitPledge', data: { ...submit, pledgedOn: '2026-03-02' }, metadata: by(norway) })
        .thenFails('DATE_IN_FUTURE');
    });

    it.each([[[]], [['clearance', 'clearance']], [['demining']]])('rejects pillars %j', (pillars) => {
      given()
        .when({ type: 'SubmitPledge', data: { ...submit, pillars }, metadata: by(norway) } as never)
        .thenFails('INVALID_FIELD');
    });

    it('is submitted once', () => {
      given(submitted)
        .when({ type: 'SubmitPledge', data: submit, metadata: by(norway) })
        .thenFails('ALREADY_EXISTS');
    });
  });

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

  describe('withdrawal', () => {
    const withdraw = {
      type: 'WithdrawPledge' as const,
      data: { pledgeId, reason: 'budget cut' },
      metadata: by(norway),
    };
    const history = [submitted, reserved('a1', '300000.00', 'partially_allocated')];

    it('releases only the unallocated part and names the open allocations', () => {
      given(...history)
        .when(withdraw)
        .then([
          {
            type: 'PledgeWithdrawn',
            data: { pledgeId, reason: 'budget cut', released: nok('700000.00'), openAllocationIds: ['a1'] },
          },
        ]);
    });

    it('keeps its allocations, which can still be delivered but not added to', () => {
      const withdrawn = given(...history, {
        type: 'PledgeWithdrawn',
        data: { pledgeId, reason: 'budget cut', released: nok('700000.00'), openAllocationIds: ['a1'] },
      });
      expect(withdrawn.state).toMatchObject({ status: 'withdrawn', allocated: nok('300000.00') });
      withdrawn.when(reserve('a2', 1)).thenFails('PLEDGE_NOT_OPEN');
      withdrawn
        .when({
          type: 'RecordPledgeDelivery',
          data: { pledgeId, allocationId: 'a1', deliveryId: 'd1', amount: { amount: 300000, unit: 'NOK' } },
          metadata: by(coordinator),
        })
        .then([delivered('d1', '300000.00', 'withdrawn')]);
    });

    it('is for the donor only', () => {
      given(submitted)
        .when({ ...withdraw, metadata: by(germany) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });
  });

  describe('expiry', () => {
    const expire = (at: string) => ({
      type: 'ExpirePledge' as const,
      data: { pledgeId },
      metadata: by(coordinator, at),
    });

    it('expires once validUntil has passed', () => {
      given(submitted, reserved('a1', '250000.00', 'partially_allocated'))
        .when(expire('2027-01-01T00:00:00Z'))
        .then([
          {
            type: 'PledgeExpired',
            data: { pledgeId, expiredAt: '2027-01-01T00:00:00Z', released: nok('750000.00') },
          },
        ]);
    });

    it('does not expire early, nor twice', () => {
      given(submitted).when(expire('2026-12-31T23:00:00Z')).thenFails('INVALID_TRANSITION');
      given(submitted, { type: 'PledgeExpired', data: { pledgeId, expiredAt: now, released: nok('0.00') } })
        .when(expire('2027-06-01T00:00:00Z'))
        .then([]);
    });
  });

  describe('revision', () => {
    it('never goes below what is allocated', () => {
      given(submitted, reserved('a1', '300000.00', 'partially_allocated'))
        .when({
          type: 'RevisePledge',
          data: { pledgeId, quantity: { amount: 200000, unit: 'NOK' } },
          metadata: by(norway),
        })
        .thenFails('BELOW_ALLOCATED');
    });

    it('extends validity', () => {
      given(submitted)
        .when({ type: 'RevisePledge', data: { pledgeId, validUntil: '2027-12-31' }, metadata: by(norway) })
        .then([{ type: 'PledgeRevised', data: { pledgeId, validUntil: '2027-12-31', status: 'open' } }]);
    });
  });
});
