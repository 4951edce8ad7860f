import { by, coordinator, germany, laos, norway, vietnam } from '../testing/actors';
import type { AllocationRequested } from './events';
import { publishedRates } from '../fx/rate-lookup';
import { allocationDecider } from './index';
import {
  given,
  allocationId,
  sides,
  eur,
  usd,
  pledge,
  need,
  request,
  requested,
  proposed,
  accepted,
  recorded,
  confirmed,
  live,
} from './allocation.fixtures';

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
