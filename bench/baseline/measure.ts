/**
 * The timing harness shared by the baseline measurements: bounded, warmed-up runs and a markdown table of the results.
 * Kept free of driver imports so that later benchmarks can time their own operations the same way.
 */
import { performance } from 'node:perf_hooks';

/** Stable keys of the baseline figures; later benchmarks look their reference figure up by key. */
export type BaselineKey =
  | 'mongo.insertOne'
  | 'mongo.insertOne.concurrent'
  | 'mongo.insertMany'
  | 'mongo.findById'
  | 'mongo.findById.concurrent'
  | 'mongo.findById.large'
  | 'mongo.findById.large.concurrent'
  | 'kafka.produce.idempotent'
  | 'kafka.produce.batch'
  | 'kafka.consume.eachBatch'
  | 'kafka.consume.eachMessage';

export interface Measurement {
  key: string;
  /** What was timed, with its unit, as printed in the table. */
  operation: string;
  /** Units completed (documents, reads, messages) within the timed window. */
  count: number;
  seconds: number;
  opsPerSecond: number;
  /** Anything a reader needs to interpret the figure (collection size, join time…). */
  note?: string;
}

export type Log = (line: string) => void;

export interface TimedRun {
  /** Upper bound on operations; the run also stops at maxSeconds, whichever comes first. */
  maxOps: number;
  maxSeconds: number;
  /** Workers issuing operations concurrently, each awaiting its own operation before the next. */
  concurrency?: number;
  /** Units one operation stands for (100 for a batch of 100); count = completed operations × unitsPerOp. */
  unitsPerOp?: number;
}

export interface TimedResult {
  count: number;
  seconds: number;
  opsPerSecond: number;
}

/**
 * Runs `op` from `concurrency` workers until `maxOps` operations have been issued or `maxSeconds` have passed, then
 * waits for the operations in flight. Each call gets a distinct index, 0, 1, 2…
 */
export async function timed(op: (index: number) => Promise<unknown>, run: TimedRun): Promise<TimedResult> {
  const concurrency = run.concurrency ?? 1;
  const unitsPerOp = run.unitsPerOp ?? 1;
  let issued = 0;
  let completed = 0;
  const started = performance.now();
  const deadline = started + run.maxSeconds * 1000;
  const worker = async () => {
    while (issued < run.maxOps && performance.now() < deadline) {
      const index = issued++;
      await op(index);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const count = completed * unitsPerOp;
  return { count, seconds, opsPerSecond: count / seconds };
}

export interface Step extends TimedRun {
  key: BaselineKey;
  operation: string;
  /** Untimed operations before the timed run (same code path, separate indexes); bounded by warmupSeconds. */
  warmupOps: number;
  warmupSeconds: number;
  note?: string;
}

/**
 * Warms `op` up, then times it, printing a progress line before and after. Warm-up calls get indexes from
 * `1e9` upwards so that callers can tell them apart from the timed ones.
 */
export async function measure(op: (index: number) => Promise<unknown>, step: Step, log: Log): Promise<Measurement> {
  log(`  ${step.operation}: warming up (≤${step.warmupOps} ops, ≤${step.warmupSeconds}s)…`);
  await timed((index) => op(WARMUP_INDEX + index), {
    maxOps: step.warmupOps,
    maxSeconds: step.warmupSeconds,
    concurrency: step.concurrency,
  });
  log(`  ${step.operation}: timing (≤${step.maxOps} ops, ≤${step.maxSeconds}s)…`);
  const result = await timed(op, step);
  const measurement: Measurement = { key: step.key, operation: step.operation, ...result };
  if (step.note !== undefined) measurement.note = step.note;
  log(`  ${step.operation}: ${describe(measurement)}`);
  return measurement;
}

export const WARMUP_INDEX = 1_000_000_000;

export function describe(m: Measurement): string {
  return `${m.count} in ${m.seconds.toFixed(2)}s = ${formatRate(m.opsPerSecond)}/s`;
}

export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A markdown table: operation, count, seconds, ops/s. */
export function formatTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map((m) => [
    m.operation,
    String(m.count),
    m.seconds.toFixed(2),
    formatRate(m.opsPerSecond),
  ]);
  return markdownTable(['operation', 'count', 'seconds', 'ops/s'], rows, ['left', 'right', 'right', 'right']);
}

export function markdownTable(header: string[], rows: string[][], align: ('left' | 'right')[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const pad = (cell: string, i: number) => (align[i] === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function elapsedSeconds(since: number): number {
  return (performance.now() - since) / 1000;
}

export function now(): number {
  return performance.now();
}
