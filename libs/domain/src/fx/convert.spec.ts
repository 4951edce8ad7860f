import { DomainError } from '../errors';
import { quantityOf } from '../quantity/quantity';
import { applyRate, convert, usdValueOf } from './convert';
import { referenceRates } from './reference-rates';

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('reference exchange rates', () => {
  it('covers every currency for every year 2008–2025 and names its source', () => {
    expect(referenceRates.source).toMatch(/Federal Reserve/);
    for (let year = 2008; year <= 2025; year += 1) {
      const row = (referenceRates.unitsPerUsd as Record<string, Record<string, string>>)[String(year)];
      expect(Object.keys(row).sort()).toEqual([...referenceRates.currencies].sort());
      for (const rate of Object.values(row)) expect(rate).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('converts EUR to USD with the year of the effective date', () => {
    const result = convert(quantityOf({ amount: 1000, unit: 'EUR' }), 'USD', '2024-06-30');
    expect(result.rateDate).toBe('2024');
    expect(result.lastYearFallback).toBe(false);
    expect(result.rate).toBe('1.082403368');
    expect(result.quantity).toEqual({ amount: '1082.40', unit: 'USD' });
  });

  it('converts into a currency without minor units', () => {
    const result = usdValueOf(quantityOf({ amount: 100000, unit: 'JPY' }), '2023-01-15T00:00:00Z');
    expect(result.quantity).toEqual({ amount: '711.79', unit: 'USD' });
    expect(convert(quantityOf({ amount: 10, unit: 'USD' }), 'JPY', '2023-01-01').quantity.amount).toBe('1405');
  });

  it('crosses two non-dollar currencies through the dollar rates', () => {
    const result = convert(quantityOf({ amount: 1000000, unit: 'NOK' }), 'EUR', '2020-05-01');
    expect(result.rate).toBe('0.09308466007');
    expect(result.quantity).toEqual({ amount: '93084.66', unit: 'EUR' });
  });

  it('uses the last year for a later date and says so', () => {
    const result = convert(quantityOf({ amount: 1, unit: 'GBP' }), 'USD', '2026-11-28');
    expect(result).toMatchObject({ rateYear: 2025, requestedYear: 2026, lastYearFallback: true, rateDate: '2025' });
  });

  it('keeps the same currency unchanged at rate 1', () => {
    const result = convert(quantityOf({ amount: 5, unit: 'PLN' }), 'PLN', '1999-01-01');
    expect(result).toMatchObject({ rate: '1', quantity: { amount: '5.00', unit: 'PLN' } });
  });

  it('rounds half to even at the target minor unit', () => {
    expect(applyRate(quantityOf({ amount: 2.5, unit: 'USD' }), 'JPY', '1').amount).toBe('2');
    expect(applyRate(quantityOf({ amount: 3.5, unit: 'USD' }), 'JPY', '1').amount).toBe('4');
    expect(applyRate(quantityOf({ amount: 0.05, unit: 'USD' }), 'JPY', '103.39').amount).toBe('5');
  });

  it.each([
    [() => convert(quantityOf({ amount: 1, unit: 'EUR' }), 'USD', '2007-12-31'), 'FX_RATE_UNAVAILABLE'],
    [() => convert(quantityOf({ amount: 1, unit: 'PLN' }), 'USD', '2020-01-01'), 'FX_RATE_UNAVAILABLE'],
    [() => convert(quantityOf({ amount: 1, unit: 'kg' }), 'USD', '2020-01-01'), 'UNIT_MISMATCH'],
  ])('refuses conversions it cannot make (%#)', (action, code) => {
    expect(codeOf(action)).toBe(code);
  });
});
