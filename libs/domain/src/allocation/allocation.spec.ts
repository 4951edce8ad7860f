import { by, coordinator, germany, laos, norway, now, vietnam } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { NeedTerms, PledgeTerms } from './compatibility';
import type { AllocationEvent, AllocationRequested, DeliveryConfirmed, DeliveryRecorded } from './events';
import { publishedRates } from '../fx/rate-lookup';
import { allocationDecider } from './index';

const given = specFor(allocationDecider);
const allocationId = 'alloc-1';
const sides = { allocationId, pledgeId: 'p1', needId: 'n1' };
const eur = (amount: string) => ({ amount, unit: 'EUR' });
const usd = (amount: string) => ({ amount, unit: 'USD' });

const pledge: PledgeTerms = {
  pledgeId: 'p1',
  donorId: 'NOR',
  assistanceType: 'financial',
  pillars: ['clearance', 'victim_assistance'],
  unit: 'EUR',
};
const need: NeedTerms = {
  needId: 'n1',
  requesterId: 'LAO',
  assistanceType: 'financial',
  pillar: 'clearance',
  unit: 'EUR',
};
const request = (change: object = {}, actor = norway) => ({
  type: 'RequestAllocation' as const,
  data: { allocationId, pledge, need, amount: { amount: 1000, unit: 'EUR' }, ...change },
  metadata: by(actor),
});

const requested: AllocationRequested = {
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
};
const proposed: AllocationEvent = { type: 'AllocationProposed', data: sides };
const accepted: AllocationEvent = { type: 'AllocationAccepted', data: sides };
const recorded = (deliveryId: string, amount: string): DeliveryRecorded => ({
  type: 'DeliveryRecorded',
  data: { ...sides, deliveryId, amount: eur(amount), deliveredOn: '2026-02-01' },
});
const confirmed = (
  deliveryId: string,
  amount: string,
  status: 'partially_delivered' | 'completed',
): DeliveryConfirmed => ({
  type: 'DeliveryConfirmed',
  data: { ...sides, deliveryId, amount: eur(amount), needAmount: eur(amount), status },
});
const live = [requested, proposed, accepted];

describe('allocation', () => {
  describe('request', () => {
    it('is requested pending, with the need-unit equivalent', () => {
      given().when(request()).then([requested]);
    });

    it('may be requested by a coordinator, not by another donor', () => {
      given().when(request({}, coordinator)).then([requested]);
      given().when(request({}, germany)).thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('converts currencies with the reference rate of the commitment year and records it', () => {
      given()
        .when(request({ need: { ...need, unit: 'USD' }, committedOn: '2024-06-30' }))
        .then([
          {
            ...requested,
            data: {
              ...requested.data,
              needAmount: usd('1082.10'),
              committedOn: '2024-06-30',
              exchangeRate: {
                rate: '1.082101347',
                rateDate: '2024',
                rateYear: 2024,
                requestedYear: 2024,
                lastYearFallback: false,
                // The Fed's 2024 series ends on 29 November, so the complete ECB year is used.
                source: expect.stringContaining('European Central Bank'),
                basis: 'annual',
                table: publishedRates.version,
              },
            },
          } as AllocationRequested,
        ]);
    });

    it('falls back to the last table year for a later date and says so', () => {
      const [event] = allocationDecider.decide(request({ need: { ...need, unit: 'USD' } }), null);
      expect(event).toMatchObject({
        data: { exchangeRate: { rateYear: 2025, requestedYear: 2026, lastYearFallback: true } },
      });
    });

    it('refuses incompatible pairs with every reason', () => {
      given()
        .when(request({ need: { ...need, pillar: 'risk_education', assistanceType: 'material' } }))
        .thenFails('INCOMPATIBLE', /assistance_type_differs.*pillar_not_accepted/);
    });

    it('keeps a targeted pledge for its recipient', () => {
      given()
        .when(request({ pledge: { ...pledge, recipientId: 'VNM' } }))
        .thenFails('INCOMPATIBLE', /recipient_differs/);
    });

    it('takes the amount in the pledge unit, and a commitment date not in the future', () => {
      given()
        .when(request({ amount: { amount: 10, unit: 'USD' } }))
        .thenFails('UNIT_MISMATCH');
      given()
        .when(request({ amount: { amount: 10.001, unit: 'EUR' } }))
        .thenFails('INVALID_AMOUNT');
      given()
        .when(request({ committedOn: '2026-03-02' }))
        .thenFails('DATE_IN_FUTURE');
    });

    it('is requested once', () => {
      given(requested).when(request()).thenFails('ALREADY_EXISTS');
    });
  });

  describe('reservation outcome', () => {
    const confirm = {
      type: 'ConfirmAllocationReservation' as const,
      data: { allocationId },
      metadata: by(coordinator),
    };
    const reject = {
      type: 'RejectAllocation' as const,
      data: { allocationId, code: 'OVER_ALLOCATION', detail: 'need is fully allocated' },
      metadata: by(coordinator),
    };

    it('is proposed once both sides are reserved, idempotently', () => {
      given(requested).when(confirm).then([proposed]);
      given(requested, proposed).when(confirm).then([]);
    });

    it('is rejected when a reservation failed', () => {
      given(requested)
        .when(reject)
        .then([
          {
            type: 'AllocationRejected',
            data: { ...sides, code: 'OVER_ALLOCATION', detail: 'need is fully allocated' },
          },
        ]);
      given(requested, proposed).when(reject).thenFails('INVALID_TRANSITION');
    });
  });

  describe('acceptance', () => {
    const accept = (actor = laos) => ({
      type: 'AcceptAllocation' as const,
      data: { allocationId },
      metadata: by(actor),
    });

    it('is accepted or declined by the recipient, only when proposed', () => {
      given(requested, proposed).when(accept()).then([accepted]);
      given(requested, proposed)
        .when({ type: 'DeclineAllocation', data: { allocationId, reason: 'duplicate' }, metadata: by(laos) })
        .then([{ type: 'AllocationDeclined', data: { ...sides, reason: 'duplicate' } }]);
      given(requested).when(accept()).thenFails('INVALID_TRANSITION');
      given(...live)
        .when(accept())
        .thenFails('INVALID_TRANSITION');
    });

    it('is not accepted by someone else', () => {
      given(requested, proposed).when(accept(vietnam)).thenFails('FORBIDDEN_PARTICIPANT');
      given(requested, proposed).when(accept(norway)).thenFails('FORBIDDEN_PARTICIPANT');
    });
  });

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

  describe('cancellation', () => {
    const cancel = (actor = norway) => ({
      type: 'CancelAllocation' as const,
      data: { allocationId, reason: 'programme closed' },
      metadata: by(actor),
    });

    it('keeps the confirmed part', () => {
      given(...live, recorded('d1', '400.00'), confirmed('d1', '400.00', 'partially_delivered'))
        .when(cancel())
        .then([
          {
            type: 'AllocationCancelled',
            data: {
              ...sides,
              reason: 'programme closed',
              confirmed: eur('400.00'),
              confirmedNeedAmount: eur('400.00'),
            },
          },
        ]);
    });

    it('is for the donor, and not once completed', () => {
      given(...live)
        .when(cancel(laos))
        .thenFails('FORBIDDEN_PARTICIPANT');
      given(...live, recorded('d1', '1000.00'), confirmed('d1', '1000.00', 'completed'))
        .when(cancel())
        .thenFails('INVALID_TRANSITION');
      given(requested).when(cancel()).thenFails('INVALID_TRANSITION');
    });
  });
});
