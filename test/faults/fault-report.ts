import { waitFor } from '../support/processes';
import type { MixedLoad } from './mixed-load';

/** What the faults suite prints for each fault it injects. */
export interface FaultReport {
  fault: string;
  answered: number;
  refused: number;
  failed: number;
  recoverySeconds: number;
}

export function reportTable(reports: readonly FaultReport[]): string {
  const rows = reports.map(
    (r) => `| ${r.fault} | ${r.answered} | ${r.refused} | ${r.failed} | ${r.recoverySeconds.toFixed(1)} s |`,
  );
  return [
    '[faults] | fault | answers during fault and recovery | refused (503 or connection) | 5xx other than 503 | time to recover end to end |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Injects one fault under the running load and waits until the whole path works again end to end (up to 4 min);
 * then lets the load run steadily for 5 s before the next fault. Answers what the load saw from the injection on.
 */
export async function measureFault(
  name: string,
  inject: () => Promise<void>,
  load: MixedLoad,
  recovered: () => Promise<boolean>,
  diagnostics: () => string,
): Promise<FaultReport> {
  const from = Date.now();
  const before = load.outcomes.length;
  await inject();
  const healed = Date.now();
  await waitFor(
    async () => ((await recovered().catch(() => false)) ? true : undefined),
    `recovery from ${name}`,
    240_000,
    diagnostics,
  );
  const recoverySeconds = (Date.now() - healed) / 1000;
  await sleep(5_000);
  console.log(`[faults] ${name}: recovered ${recoverySeconds.toFixed(1)} s after the restart`);
  return {
    fault: name,
    answered: load.outcomes.length - before,
    refused: load.refused(from).length,
    failed: load.failures(from).filter((o) => o.status !== 503).length,
    recoverySeconds,
  };
}
