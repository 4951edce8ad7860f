import { markdownTable } from '../baseline';
import type { StepReport } from './open-loop';
import type { HeapTrend } from './statistics';

const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));
export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** One row per step (and the soak): what was offered, what came back, how fast, how stale. */
export function stepTable(steps: StepReport[]): string {
  const header = ['offered', 'answered /s', '2xx /s', 'commands', 'cmd p50 ms', 'cmd p99 ms', 'query p50 ms'];
  header.push('query p99 ms', 'lag p50 ms', 'lag p99 ms (n)', 'never consistent', 'load avg', 'errors by status');
  const rows = steps.map((s) => [
    s.label,
    s.answeredPerSecond.toFixed(1),
    s.okPerSecond.toFixed(1),
    String(s.commands),
    ms(s.commandP50),
    ms(s.commandP99),
    ms(s.queryP50),
    ms(s.queryP99),
    ms(s.lagP50),
    `${ms(s.lagP99)} (${s.lagSamples})`,
    String(s.neverConsistent),
    s.loadAverage.toFixed(1),
    s.errorsByStatus || 'none',
  ]);
  return markdownTable(header, rows, ['left', ...Array<'right'>(11).fill('right'), 'left']);
}

/** Per route of one step: count, p50, p99, errors. */
export function operationTable(step: StepReport): string {
  const rows = step.byOperation.map((o) => [o.operation, String(o.count), ms(o.p50), ms(o.p99), String(o.errors)]);
  return markdownTable(['route', 'answers', 'p50 ms', 'p99 ms', 'errors'], rows, [
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
}

export function stepLine(step: StepReport, notSustained: string | undefined): string {
  return (
    `  ${step.label}: ${step.answeredPerSecond.toFixed(1)} answered/s, command p50 ${ms(step.commandP50)} / p99 ` +
    `${ms(step.commandP99)} ms, lag p99 ${ms(step.lagP99)} ms, errors ${step.errors}` +
    (notSustained ? ` → not sustained (${notSustained})` : '')
  );
}

export function heapLine(trend: HeapTrend): string {
  return (
    `soak heap after full GC: ${trend.samples} samples over ${trend.minutes.toFixed(1)} min; median of the first ` +
    `quarter ${mib(trend.firstQuartileBytes)} MiB, of the last ${mib(trend.lastQuartileBytes)} MiB ` +
    `(${signed(trend.quartileGrowth)}); least-squares slope ${(trend.slopeBytesPerMinute / 1024).toFixed(1)} KiB/min ` +
    `(r² ${trend.r2.toFixed(2)}, ${signed(trend.fittedGrowth)} over the soak) → ` +
    (trend.grows ? 'GROWS' : 'does not grow')
  );
}

const signed = (share: number) => `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)} %`;
