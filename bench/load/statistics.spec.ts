import { countsOf, heapTrend, linearFit, percentile } from './statistics';

const MiB = 2 ** 20;
const everyHalfMinute = (bytesAt: (minute: number) => number, minutes = 10) =>
  Array.from({ length: minutes * 2 + 1 }, (_, i) => ({ atMs: i * 30_000, bytes: bytesAt(i / 2) }));

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank, whatever the order given', () => {
    const values = [50, 10, 40, 20, 30];
    expect(percentile(values, 50)).toBe(30);
    expect(percentile(values, 99)).toBe(50);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 20)).toBe(10);
    expect(percentile(values, 21)).toBe(20);
  });

  it('puts p99 of 100 values on the 99th, not the maximum', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1).reverse();
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it('is undefined without values', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});

describe('linearFit', () => {
  it('recovers an exact line', () => {
    const fit = linearFit([0, 1, 2, 3].map((x) => ({ x, y: 3 * x + 2 })));
    expect(fit.slope).toBeCloseTo(3);
    expect(fit.intercept).toBeCloseTo(2);
    expect(fit.r2).toBeCloseTo(1);
  });

  it('refuses samples all taken at one time', () => {
    expect(() =>
      linearFit([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toThrow(/different times/);
  });
});

describe('heapTrend', () => {
  it('calls a steady heap with noise not growing', () => {
    const trend = heapTrend(everyHalfMinute((m) => 80 * MiB + (m % 2 === 0 ? 1 : -1) * MiB));
    expect(trend.grows).toBe(false);
    expect(Math.abs(trend.slopeBytesPerMinute)).toBeLessThan(0.2 * MiB);
    expect(trend.minutes).toBe(10);
  });

  it('calls a heap that gains 1 MiB a minute from 80 MiB growing, with the slope and both quarters', () => {
    const trend = heapTrend(everyHalfMinute((m) => 80 * MiB + m * MiB));
    expect(trend.grows).toBe(true);
    expect(trend.slopeBytesPerMinute / MiB).toBeCloseTo(1);
    expect(trend.firstQuartileBytes / MiB).toBeCloseTo(81.25);
    expect(trend.lastQuartileBytes / MiB).toBeCloseTo(88.75);
    expect(trend.fittedGrowth).toBeCloseTo(10 / 81.25);
  });

  it('does not call one late spike growth: the quarter medians must agree with the fit', () => {
    const trend = heapTrend(everyHalfMinute((m) => (m === 10 ? 200 * MiB : 80 * MiB)));
    expect(trend.fittedGrowth).toBeGreaterThan(0.05);
    expect(trend.grows).toBe(false);
  });

  it('takes samples in any order and needs at least four', () => {
    const samples = everyHalfMinute((m) => 80 * MiB + m * MiB);
    expect(heapTrend([...samples].reverse()).slopeBytesPerMinute).toBeCloseTo(heapTrend(samples).slopeBytesPerMinute);
    expect(() => heapTrend(samples.slice(0, 3))).toThrow(/at least 4/);
  });
});

describe('countsOf', () => {
  it('lists each status with its count, most frequent first', () => {
    expect(countsOf([503, 'timeout', 503, 409])).toBe('503 ×2, 409 ×1, timeout ×1');
    expect(countsOf([])).toBe('');
  });
});
