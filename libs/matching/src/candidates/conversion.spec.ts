import { applyRate, fromMinor, hasLapsed as domainHasLapsed, minorOf } from '@cm/domain';
import fc from 'fast-check';
import { convertMinor, largestConvertibleWithin, minorRate } from './conversion';
import { hasLapsed } from './lapsed';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'NOK', 'JPY', 'CHF', 'SEK'];

describe('conversion in minor units', () => {
  it('records the rate the domain records, and has none where the domain has none', () => {
    expect(minorRate('EUR', 'USD', '2024-06-30')?.used).toMatchObject({ rate: '1.082101347', rateDate: '2024' });
    expect(minorRate('AED', 'USD', '2024-06-30')).toBeUndefined();
    expect(minorRate('EUR', 'USD', '1998-01-01')).toBeUndefined();
    expect(minorRate('kg', 'USD', '2024-01-01')).toBeUndefined();
  });

  it('finds the largest amount within both caps, converted exactly as the domain converts it', () => {
    const pair = fc.tuple(fc.constantFrom(...CURRENCIES), fc.constantFrom(...CURRENCIES)).filter(([a, b]) => a !== b);
    const year = fc.integer({ min: 2008, max: 2026 });
    const amount = fc.bigInt({ min: 0n, max: 10n ** 9n });
    fc.assert(
      fc.property(pair, year, amount, amount, ([from, to], y, cap, target) => {
        const rate = minorRate(from, to, `${y}-03-01`)!;
        const [source, converted] = largestConvertibleWithin(cap, target, rate);
        const viaDomain = (minor: bigint) => minorOf(applyRate(fromMinor(minor, from), to, rate.used.rate));
        expect(converted).toBe(convertMinor(source, rate));
        expect(converted).toBe(viaDomain(source));
        expect(source).toBeLessThanOrEqual(cap);
        expect(converted).toBeLessThanOrEqual(target);
        // Conversion never decreases with the amount, so the next amount up must break a cap.
        if (source < cap) expect(viaDomain(source + 1n)).toBeGreaterThan(target);
      }),
      { numRuns: 500 },
    );
  });
});

describe('validity deadline', () => {
  it.each([
    ['2024-05-31', '2024-06-01'],
    ['2024-06-01', '2024-06-01T23:59:59Z'],
    ['2024-06-01', '2024-06-02T00:00:00Z'],
    ['2024-06-01T12:00:00Z', '2024-06-01T12:00:00Z'],
    ['2024-06-01T12:00:00Z', '2024-06-01T12:00:01Z'],
    ['2024-06-01T14:00:00+02:00', '2024-06-01T12:30:00Z'],
  ])('agrees with the domain on %s at %s', (deadline, now) => {
    expect(hasLapsed(deadline, now)).toBe(domainHasLapsed(deadline, now));
  });
});
