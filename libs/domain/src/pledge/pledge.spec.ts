import { by, coordinator, germany, norway, now } from '../testing/actors';
import { given, pledgeId, nok, submitted, reserved, delivered, reserve } from './pledge.fixtures';

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
