import { DomainError } from '../errors';
import { divideHalfEven, significantDecimal } from './decimal';
import { compare, fromMinor, minorOf, minus, plus, quantityOf, sumOf, unitOf } from './quantity';

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('quantity', () => {
  describe('exact sums', () => {
    it('adds 0.1 and 0.2 to exactly 0.3', () => {
      const sum = plus(quantityOf({ amount: 0.1, unit: 'USD' }), quantityOf({ amount: 0.2, unit: 'USD' }));
      expect(sum).toEqual({ amount: '0.30', unit: 'USD' });
      expect(compare(sum, quantityOf({ amount: '0.3', unit: 'USD' }))).toBe(0);
    });

    it('sums many cents without drift', () => {
      const cents = Array.from({ length: 1000 }, () => quantityOf({ amount: 0.01, unit: 'EUR' }));
      expect(sumOf('EUR', cents)).toEqual({ amount: '10.00', unit: 'EUR' });
    });

    it('subtracts into negatives and formats them', () => {
      expect(minus(quantityOf({ amount: 1, unit: 'kg' }), quantityOf({ amount: 2.5, unit: 'kg' }))).toEqual({
        amount: '-1.50',
        unit: 'kg',
      });
    });

    it('refuses to mix units', () => {
      expect(codeOf(() => plus(quantityOf({ amount: 1, unit: 'USD' }), quantityOf({ amount: 1, unit: 'EUR' })))).toBe(
        'UNIT_MISMATCH',
      );
    });
  });

  describe('canonical text', () => {
    it.each([
      [{ amount: 1234.5, unit: 'EUR' }, '1234.50'],
      [{ amount: '1234.56', unit: 'EUR' }, '1234.56'],
      [{ amount: 100, unit: 'JPY' }, '100'],
      [{ amount: '0.5', unit: 'KWD' }, '0.500'],
      [{ amount: 3, unit: 'items' }, '3.00'],
      [{ amount: '1.500', unit: 'EUR' }, '1.50'],
      [{ amount: '12345678901234567890.12', unit: 'USD' }, '12345678901234567890.12'],
    ])('reads %j as %s', (input, amount) => {
      expect(quantityOf(input).amount).toBe(amount);
    });

    it('round-trips minor units', () => {
      expect(minorOf({ amount: '1234.50', unit: 'EUR' })).toBe(123450n);
      expect(fromMinor(5n, 'USD')).toEqual({ amount: '0.05', unit: 'USD' });
      expect(fromMinor(7n, 'ISK')).toEqual({ amount: '7', unit: 'ISK' });
    });
  });

  describe('rejections', () => {
    it.each([
      [{ amount: 1.234, unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: 1.5, unit: 'JPY' }, 'INVALID_AMOUNT'],
      [{ amount: 0.5, unit: 'KRW' }, 'INVALID_AMOUNT'],
      [{ amount: '1e3', unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: 1e-7, unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: Number.NaN, unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: 2 ** 60, unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: -1, unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: 0, unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: ' 1', unit: 'USD' }, 'INVALID_AMOUNT'],
      [{ amount: 1, unit: 'XYZ' }, 'UNKNOWN_CURRENCY'],
      [{ amount: 1, unit: 'LUF' }, 'UNKNOWN_CURRENCY'],
      [{ amount: 1, unit: 'Kg' }, 'INVALID_UNIT'],
      [{ amount: 1, unit: 'usd2' }, 'INVALID_UNIT'],
    ])('rejects %j with %s', (input, code) => {
      expect(codeOf(() => quantityOf(input))).toBe(code);
    });

    it('allows zero and negatives only when asked', () => {
      expect(quantityOf({ amount: 0, unit: 'USD' }, { allowZero: true }).amount).toBe('0.00');
      expect(quantityOf({ amount: -2, unit: 'USD' }, { allowNegative: true }).amount).toBe('-2.00');
    });

    it('names the failing field', () => {
      try {
        quantityOf({ amount: 1.001, unit: 'EUR' }, { field: 'amount' });
      } catch (error) {
        expect((error as DomainError).field).toBe('amount.amount');
      }
      expect.assertions(1);
    });

    it('knows unit words and currencies', () => {
      expect(unitOf('expert_days')).toBe('expert_days');
      expect(unitOf('NOK')).toBe('NOK');
    });
  });

  describe('decimal rounding', () => {
    it('rounds half to even', () => {
      expect([5n, 15n, 25n, -5n, 26n].map((n) => divideHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 0n, 3n]);
    });

    it('keeps significant digits', () => {
      expect(significantDecimal(1n, 3n, 4)).toBe('0.3333');
      expect(significantDecimal(20000n, 3n, 4)).toBe('6667');
      expect(significantDecimal(1n, 7000n, 3)).toBe('0.000143');
    });
  });
});
