/** The pure arithmetic of bench/load.ts: latency percentiles and the trend of the api's heap over the soak. */

/** Nearest-rank percentile (p in 0..100) of unsorted values; undefined for none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LinearFit {
  /** Change of y per unit of x. */
  slope: number;
  intercept: number;
  /** Share of the variance of y the line explains (1 for a perfect line, 0 for a flat one through noise). */
  r2: number;
}

/** Ordinary least squares of y on x; needs two distinct x. */
export function linearFit(points: readonly { x: number; y: number }[]): LinearFit {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
    syy += (y - meanY) ** 2;
  }
  if (n < 2 || sxx === 0) throw new Error('a linear fit needs at least two samples at different times');
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

export interface HeapSample {
  /** Milliseconds since the soak started. */
  atMs: number;
  /** Heap in use right after a full garbage collection. */
  bytes: number;
}

export interface HeapTrend {
  samples: number;
  minutes: number;
  slopeBytesPerMinute: number;
  r2: number;
  /** Median of the samples in the first and in the last quarter of the soak (by time). */
  firstQuartileBytes: number;
  lastQuartileBytes: number;
  /** The fitted line's growth over the whole soak, as a share of the first quarter's median. */
  fittedGrowth: number;
  /** Last quarter's median over the first's, minus 1. */
  quartileGrowth: number;
  grows: boolean;
}

/**
 * Whether the heap grows over the soak: both the fitted line and the quarter medians must show a growth above
 * `tolerance` (a share of the first quarter's heap). A leak shows in both; a single late spike or a slow drift
 * inside the noise does not.
 */
export function heapTrend(samples: readonly HeapSample[], tolerance = 0.05): HeapTrend {
  if (samples.length < 4) throw new Error(`a heap trend needs at least 4 samples, got ${samples.length}`);
  const sorted = [...samples].sort((a, b) => a.atMs - b.atMs);
  const fit = linearFit(sorted.map((s) => ({ x: s.atMs / 60_000, y: s.bytes })));
  const start = sorted[0].atMs;
  const span = sorted[sorted.length - 1].atMs - start;
  const median = (xs: HeapSample[]) => {
    const bytes = xs.map((s) => s.bytes).sort((a, b) => a - b);
    const middle = Math.floor(bytes.length / 2);
    return bytes.length % 2 === 1 ? bytes[middle] : (bytes[middle - 1] + bytes[middle]) / 2;
  };
  const first = sorted.filter((s) => s.atMs - start <= span / 4);
  const last = sorted.filter((s) => s.atMs - start >= (span * 3) / 4);
  const firstQuartileBytes = median(first);
  const lastQuartileBytes = median(last);
  const minutes = span / 60_000;
  const fittedGrowth = (fit.slope * minutes) / firstQuartileBytes;
  const quartileGrowth = lastQuartileBytes / firstQuartileBytes - 1;
  return {
    samples: sorted.length,
    minutes,
    slopeBytesPerMinute: fit.slope,
    r2: fit.r2,
    firstQuartileBytes,
    lastQuartileBytes,
    fittedGrowth,
    quartileGrowth,
    grows: fittedGrowth > tolerance && quartileGrowth > tolerance,
  };
}

/** `count` per status (or failure name), most frequent first: `201 ×412, 503 ×3`. */
export function countsOf(values: readonly (string | number)[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => `${value} ×${count}`)
    .join(', ');
}
