import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The live heap (after a full collection): what a report holds on to, not garbage awaiting collection. */
const liveHeap = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** Peak live heap growth while `run` runs, sampled between its reads (every 20 ms the event loop is free) and at the end. */
export async function peakGrowthOf<T>(run: () => Promise<T>): Promise<{ value: T; growthMB: number }> {
  const before = liveHeap();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 20);
  try {
    const value = await run();
    peak = Math.max(peak, liveHeap());
    return { value, growthMB: (peak - before) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}
