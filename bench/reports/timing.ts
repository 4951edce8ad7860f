/** Percentiles of sampled durations, and a sampler that warms up (once by default) before it times. */
export const percentile = (times: number[], q: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))];

export async function timed(
  runs: number,
  run: () => Promise<unknown>,
  warmUps = 1,
): Promise<{ p50: number; p99: number; n: number }> {
  for (let i = 0; i < warmUps; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), n: times.length };
}

export const ms = (f: { p50: number; p99: number; n: number }) =>
  `p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms (n=${f.n})`;
