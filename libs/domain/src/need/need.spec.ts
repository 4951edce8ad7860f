import { by, coordinator, laos, norway, vietnam } from '../testing/actors';
import { given, needId, usd, posted, reserved, delivered, withdrawn } from './need.fixtures';

describe('need', () => {
  describe('posting', () => {
    const post = {
      needId,
      requesterId: 'LAO',
      pillar: 'clearance' as const,
      assistanceType: 'financial' as const,
      title: 'Survey of Xieng Khouang',
      quantity: { amount: 1000, unit: 'USD' },
      priority: 'high' as const,
    };

    it('is posted by the affected state for itself', () => {
      given()
        .when({ type: 'PostNeed', data: post, metadata: by(laos) })
        .then([posted]);
    });

    it('may be posted by a coordinator on its behalf', () => {
      given()
        .when({ type: 'PostNeed', data: post, metadata: by(coordinator) })
        .then([posted]);
    });

    it('cannot be posted for another state', () => {
      given()
        .when({ type: 'PostNeed', data: post, metadata: by(vietnam) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('is posted once', () => {
      given(posted)
        .when({ type: 'PostNeed', data: post, metadata: by(laos) })
        .thenFails('ALREADY_EXISTS');
    });

    it.each([
      [{ quantity: { amount: 5, unit: 'items' } }, 'INVALID_UNIT'],
      [{ assistanceType: 'material', quantity: { amount: 5, unit: 'EUR' } }, 'INVALID_UNIT'],
      [{ quantity: { amount: 10.005, unit: 'USD' } }, 'INVALID_AMOUNT'],
      [{ quantity: { amount: 0, unit: 'USD' } }, 'INVALID_AMOUNT'],
      [{ pillar: 'demining' }, 'INVALID_FIELD'],
      [{ category: 'Metal Detectors' }, 'INVALID_FIELD'],
      [{ neededBy: '2027-02-30' }, 'INVALID_DATE'],
    ])('rejects %j with %s', (change, code) => {
      given()
        .when({ type: 'PostNeed', data: { ...post, ...change }, metadata: by(laos) } as never)
        .thenFails(code as never);
    });
  });

  describe('revision', () => {
    it('records only what changes, with the resulting status', () => {
      given(posted, reserved('a1', '400.00', 'partially_allocated'))
        .when({
          type: 'ReviseNeed',
          data: { needId, quantity: { amount: 400, unit: 'USD' }, priority: 'high' },
          metadata: by(laos),
        })
        .then([{ type: 'NeedRevised', data: { needId, quantity: usd('400.00'), status: 'allocated' } }]);
    });

    it('never goes below what is allocated', () => {
      given(posted, reserved('a1', '400.00', 'partially_allocated'))
        .when({ type: 'ReviseNeed', data: { needId, quantity: { amount: 399.99, unit: 'USD' } }, metadata: by(laos) })
        .thenFails('BELOW_ALLOCATED');
    });

    it('keeps its unit', () => {
      given(posted)
        .when({ type: 'ReviseNeed', data: { needId, quantity: { amount: 10, unit: 'EUR' } }, metadata: by(laos) })
        .thenFails('UNIT_MISMATCH');
    });

    it('is for the owner only', () => {
      given(posted)
        .when({ type: 'ReviseNeed', data: { needId, priority: 'low' }, metadata: by(norway) })
        .thenFails('FORBIDDEN_PARTICIPANT');
    });

    it('cannot revise a need that does not exist', () => {
      given()
        .when({ type: 'ReviseNeed', data: { needId, priority: 'low' }, metadata: by(laos) })
        .thenFails('NOT_FOUND');
    });
  });

  describe('withdrawal', () => {
    it('names the allocations still holding capacity', () => {
      given(posted, reserved('a1', '100.00', 'partially_allocated'), reserved('a2', '50.00', 'partially_allocated'))
        .when({ type: 'WithdrawNeed', data: { needId, reason: 'funded nationally' }, metadata: by(laos) })
        .then([
          { type: 'NeedWithdrawn', data: { needId, reason: 'funded nationally', openAllocationIds: ['a1', 'a2'] } },
        ]);
    });

    it('is idempotent', () => {
      given(posted, withdrawn)
        .when({ type: 'WithdrawNeed', data: { needId, reason: 'again' }, metadata: by(laos) })
        .then([]);
    });

    it('is refused once fulfilled', () => {
      given(posted, reserved('a1', '1000.00', 'allocated'), delivered('d1', '1000.00', 'fulfilled'))
        .when({ type: 'WithdrawNeed', data: { needId, reason: 'late' }, metadata: by(laos) })
        .thenFails('INVALID_TRANSITION');
    });
  });
});
