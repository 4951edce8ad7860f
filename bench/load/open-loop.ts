import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { countsOf, percentile } from './statistics';
import type { Outcome, Recorder } from './client';

export interface StepOptions {
  /** Arrivals per second, sent whether or not earlier ones were answered (open loop). */
  rate: number;
  durationMs: number;
  /** Arrivals beyond this many unanswered ones are not sent and count as errors (`not sent`). */
  maxInFlight: number;
  progressEveryMs: number;
  log: (line: string) => void;
  label: string;
}

export interface StepReport {
  label: string;
  rate: number;
  arrivals: number;
  /** Seconds from the first arrival until the last one was answered. */
  seconds: number;
  answeredPerSecond: number;
  okPerSecond: number;
  commands: number;
  commandP50?: number;
  commandP99?: number;
  queryP50?: number;
  queryP99?: number;
  lagSamples: number;
  lagP50?: number;
  lagP99?: number;
  neverConsistent: number;
  errors: number;
  errorsByStatus: string;
  /** `409 POST /allocations ×2, …`. */
  errorsByOperation: string;
  /** Latency per route, slowest p99 first: where the time goes. */
  byOperation: { operation: string; count: number; p50?: number; p99?: number; errors: number }[];
  /** 1-minute load average of the machine when the step ended: other work on it skews every figure. */
  loadAverage: number;
}

const isOk = (o: Outcome) => typeof o.status === 'number' && o.status < 300;

/**
 * Sends `rate` arrivals a second, evenly spaced, for `durationMs`, then waits for every answer. Latency counts from
 * when an arrival was due, so a client that fell behind (or an api that answers late) cannot hide the wait.
 */
export async function runStep(
  arrive: (dueAt: number, recorder: Recorder) => Promise<void>,
  options: StepOptions,
): Promise<StepReport> {
  const recorder: Recorder = { outcomes: [], lagsMs: [], neverConsistent: 0 };
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  const start = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - start) / 1000;
    const ok = recorder.outcomes.filter(isOk).length;
    const p99 = percentile(
      recorder.outcomes.filter((o) => o.command).map((o) => o.latencyMs),
      99,
    );
    options.log(
      `  ${options.label} ${seconds.toFixed(0)} s: ${recorder.outcomes.length} answered (${ok} 2xx), ` +
        `${inFlight} in flight, command p99 ${p99?.toFixed(0) ?? '-'} ms, ${recorder.lagsMs.length} lag samples`,
    );
  }, options.progressEveryMs);
  for (let n = 0; ; n++) {
    const dueAt = start + (n * 1000) / options.rate;
    if (dueAt >= start + options.durationMs) break;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= options.maxInFlight) {
      recorder.outcomes.push({ operation: 'any', command: true, status: 'not sent', latencyMs: 0 });
      continue;
    }
    inFlight += 1;
    pending.push(arrive(dueAt, recorder).finally(() => (inFlight -= 1)));
  }
  await Promise.all(pending);
  clearInterval(progress);
  return summarise(options.label, options.rate, recorder, (performance.now() - start) / 1000);
}

export function summarise(label: string, rate: number, recorder: Recorder, seconds: number): StepReport {
  const commands = recorder.outcomes.filter((o) => o.command && o.status !== 'not sent');
  const queries = recorder.outcomes.filter((o) => !o.command);
  const failed = recorder.outcomes.filter((o) => !isOk(o));
  const answered = recorder.outcomes.filter((o) => o.status !== 'not sent');
  return {
    label,
    rate,
    arrivals: recorder.outcomes.length,
    seconds,
    answeredPerSecond: answered.length / seconds,
    okPerSecond: (recorder.outcomes.length - failed.length) / seconds,
    commands: commands.length,
    commandP50: percentile(
      commands.map((o) => o.latencyMs),
      50,
    ),
    commandP99: percentile(
      commands.map((o) => o.latencyMs),
      99,
    ),
    queryP50: percentile(
      queries.map((o) => o.latencyMs),
      50,
    ),
    queryP99: percentile(
      queries.map((o) => o.latencyMs),
      99,
    ),
    lagSamples: recorder.lagsMs.length,
    lagP50: percentile(recorder.lagsMs, 50),
    lagP99: percentile(recorder.lagsMs, 99),
    neverConsistent: recorder.neverConsistent,
    errors: failed.length,
    errorsByStatus: countsOf(failed.map((o) => o.status)),
    errorsByOperation: countsOf(failed.map((o) => `${o.status} ${o.operation}`)),
    byOperation: [...new Set(answered.map((o) => o.operation))]
      .map((operation) => {
        const of = answered.filter((o) => o.operation === operation);
        const latencies = of.map((o) => o.latencyMs);
        const errors = of.filter((o) => !isOk(o)).length;
        return { operation, count: of.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
      })
      .sort((a, b) => (b.p99 ?? 0) - (a.p99 ?? 0)),
    loadAverage: loadavg()[0],
  };
}

/** Whether the api kept up with a step: few errors, bounded tail latency, and the arrivals answered in time. */
export function sustained(step: StepReport, limits: { errorShare: number; p99Ms: number }): string | undefined {
  if (step.errors > limits.errorShare * step.arrivals) return `errors ${step.errors} of ${step.arrivals}`;
  if ((step.commandP99 ?? 0) > limits.p99Ms) return `command p99 ${step.commandP99?.toFixed(0)} ms`;
  if (step.answeredPerSecond < 0.9 * step.rate) return `answered ${step.answeredPerSecond.toFixed(1)}/s`;
  return undefined;
}

/** Closed-loop throughput of a trivial route of the same api: the reference the load's figures are divided by. */
export async function healthThroughput(base: string, seconds: number, concurrency = 16): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let answered = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const response = await fetch(`${base}/health/live`);
        await response.arrayBuffer();
        if (response.status === 200) answered += 1;
      }
    }),
  );
  return answered / ((performance.now() - start) / 1000);
}
