import { convert, fromMinor, minorOf } from '@cm/domain';
import fc from 'fast-check';
import { aContext, aNeed, aPledge, materialNeed, materialPledge } from '../testing/matchables';
import { assess, compatible, mayBeCompatible, MatchCompatibility } from './compatible';

const reasonsOf = (result: MatchCompatibility) => (result.ok ? [] : result.reasons.map((r) => r.reason));

describe('compatible', () => {
  it('accepts a pair in the same unit, coverable up to the smaller remaining', () => {
    expect(compatible(aNeed(), aPledge(), aContext())).toEqual({
      ok: true,
      coverableInNeedUnit: { amount: '40000.00', unit: 'USD' },
      coverableInPledgeUnit: { amount: '40000.00', unit: 'USD' },
    });
    const small = aNeed({ remaining: { amount: '2500.50', unit: 'USD' } });
    expect(compatible(small, aPledge(), aContext())).toMatchObject({
      coverableInPledgeUnit: { amount: '2500.50', unit: 'USD' },
    });
  });

  it('reports every failing rule at once', () => {
    const need = materialNeed({ status: 'withdrawn' });
    const pledge = aPledge({ pillars: ['risk_education'], recipientId: 'KHM', status: 'expired' });
    expect(reasonsOf(compatible(need, pledge, aContext()))).toEqual([
      'need_not_open',
      'pledge_not_open',
      'assistance_type_differs',
      'pillar_not_accepted',
      'category_differs',
      'unit_differs',
      'recipient_differs',
    ]);
  });

  describe('assistance type', () => {
    it('must be the same', () => {
      expect(reasonsOf(compatible(aNeed({ assistanceType: 'technical' }), aPledge(), aContext()))).toContain(
        'assistance_type_differs',
      );
    });
  });

  describe('pillar', () => {
    it("must be among the pledge's pillars", () => {
      expect(reasonsOf(compatible(aNeed({ pillar: 'risk_education' }), aPledge(), aContext()))).toEqual([
        'pillar_not_accepted',
      ]);
      expect(compatible(aNeed({ pillar: 'victim_assistance' }), aPledge(), aContext()).ok).toBe(true);
    });
  });

  describe('category', () => {
    it('must be equal for material and technical assistance', () => {
      const detectors = materialNeed();
      expect(compatible(detectors, materialPledge(), aContext()).ok).toBe(true);
      expect(reasonsOf(compatible(detectors, materialPledge({ category: 'prosthetics' }), aContext()))).toEqual([
        'category_differs',
      ]);
      const training = { assistanceType: 'technical' as const, remaining: { amount: '10.00', unit: 'expert_days' } };
      expect(
        reasonsOf(
          compatible(
            aNeed({ ...training, category: 'eod_training' }),
            aPledge({ ...training, category: 'survey_equipment' }),
            aContext(),
          ),
        ),
      ).toEqual(['category_differs']);
    });

    it('does not matter for money', () => {
      expect(compatible(aNeed({ category: 'survey' }), aPledge({ category: 'prosthetics' }), aContext()).ok).toBe(true);
    });
  });

  describe('unit and currency', () => {
    it('refuses different unit words', () => {
      const pledge = materialPledge({ remaining: { amount: '20.00', unit: 'kg' } });
      expect(reasonsOf(compatible(materialNeed(), pledge, aContext()))).toEqual(['unit_differs']);
    });

    it('converts between two currencies with the reference rate of now, and records it', () => {
      const result = compatible(aNeed(), aPledge({ remaining: { amount: '1000.00', unit: 'EUR' } }), aContext());
      expect(result).toEqual({
        ok: true,
        coverableInPledgeUnit: { amount: '1000.00', unit: 'EUR' },
        coverableInNeedUnit: { amount: '1082.10', unit: 'USD' },
        conversion: expect.objectContaining({ rate: '1.082101347', rateDate: '2024', lastYearFallback: false }),
      });
    });

    it('caps a converted pledge at what the need has left, as the allocation would record it', () => {
      const need = aNeed({ remaining: { amount: '500.00', unit: 'USD' } });
      const result = compatible(need, aPledge({ remaining: { amount: '1000.00', unit: 'EUR' } }), aContext());
      if (!result.ok) throw new Error('expected compatible');
      expect(convert(result.coverableInPledgeUnit, 'USD', aContext().now).quantity).toEqual(result.coverableInNeedUnit);
      expect(minorOf(result.coverableInNeedUnit)).toBeLessThanOrEqual(50_000n);
      const oneMore = fromMinor(minorOf(result.coverableInPledgeUnit) + 1n, 'EUR');
      expect(minorOf(convert(oneMore, 'USD', aContext().now).quantity)).toBeGreaterThan(50_000n);
    });

    it('refuses a currency without a reference rate, but not the same currency on both sides', () => {
      const dirham = { remaining: { amount: '100.00', unit: 'AED' } };
      expect(reasonsOf(compatible(aNeed(), aPledge(dirham), aContext()))).toEqual(['no_reference_rate']);
      expect(compatible(aNeed(dirham), aPledge(dirham), aContext()).ok).toBe(true);
    });

    it('refuses a conversion on a date before the reference table', () => {
      const pledge = aPledge({ remaining: { amount: '1000.00', unit: 'EUR' } });
      expect(reasonsOf(compatible(aNeed(), pledge, aContext({ now: '1998-03-01' })))).toEqual(['no_reference_rate']);
    });

    it('refuses a pair where no amount converts to at least one minor unit within what the need has left', () => {
      const need = aNeed({ remaining: { amount: '1', unit: 'JPY' } });
      expect(reasonsOf(compatible(need, aPledge(), aContext()))).toEqual(['nothing_coverable']);
    });
  });

  describe('targeted pledge', () => {
    it('serves only its recipient', () => {
      expect(reasonsOf(compatible(aNeed(), aPledge({ recipientId: 'KHM' }), aContext()))).toEqual([
        'recipient_differs',
      ]);
      expect(compatible(aNeed(), aPledge({ recipientId: 'LAO' }), aContext()).ok).toBe(true);
    });
  });

  describe('validity', () => {
    it('refuses a pledge whose validUntil has passed, and keeps a bare date valid all that day', () => {
      const context = aContext({ now: '2024-06-01T18:00:00Z' });
      expect(reasonsOf(compatible(aNeed(), aPledge({ validUntil: '2024-05-31' }), context))).toEqual(['pledge_lapsed']);
      expect(compatible(aNeed(), aPledge({ validUntil: '2024-06-01' }), context).ok).toBe(true);
      expect(reasonsOf(compatible(aNeed(), aPledge({ validUntil: '2024-06-01T12:00:00Z' }), context))).toEqual([
        'pledge_lapsed',
      ]);
    });
  });

  describe('status', () => {
    it.each(['open', 'partially_allocated', 'partially_delivered'] as const)('matches a need that is %s', (status) => {
      expect(compatible(aNeed({ status }), aPledge(), aContext()).ok).toBe(true);
    });

    it.each(['allocated', 'fulfilled', 'withdrawn'] as const)('refuses a need that is %s', (status) => {
      expect(reasonsOf(compatible(aNeed({ status }), aPledge(), aContext()))).toEqual(['need_not_open']);
    });

    it.each(['allocated', 'fulfilled', 'withdrawn', 'expired'] as const)('refuses a pledge that is %s', (status) => {
      expect(reasonsOf(compatible(aNeed(), aPledge({ status }), aContext()))).toEqual(['pledge_not_open']);
    });

    it('refuses sides with nothing left', () => {
      const none = { remaining: { amount: '0.00', unit: 'USD' } };
      expect(reasonsOf(compatible(aNeed(none), aPledge(none), aContext()))).toEqual([
        'need_nothing_left',
        'pledge_nothing_left',
      ]);
    });
  });

  it('never rejects in its quick pre-check a pair that the full check accepts', () => {
    const units = ['USD', 'EUR', 'JPY', 'PLN', 'items', 'kg'];
    const side = {
      assistanceType: fc.constantFrom('financial', 'material', 'technical' as const),
      category: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
      remaining: fc.record({ amount: fc.constantFrom('1', '250'), unit: fc.constantFrom(...units) }),
    };
    const needs = fc.record({ ...side, pillar: fc.constantFrom('clearance', 'risk_education' as const) });
    const pledges = fc.record({
      ...side,
      pillars: fc.subarray(['clearance', 'risk_education'] as const),
      recipientId: fc.option(fc.constantFrom('LAO', 'KHM'), { nil: undefined }),
    });
    fc.assert(
      fc.property(needs, pledges, (needTerms, pledgeTerms) => {
        const canonical = <T extends { remaining: { amount: string; unit: string } }>(x: T) => ({
          ...x,
          remaining: fromMinor(BigInt(x.remaining.amount) * 100n, x.remaining.unit),
        });
        const need = aNeed(canonical(needTerms));
        const pledge = aPledge(canonical(pledgeTerms));
        if (assess(need, pledge, aContext()).ok) expect(mayBeCompatible(need, pledge)).toBe(true);
      }),
    );
  });
});
