/**
 * What tracing costs: single-event appends (each inside a command span, as under an HTTP request) and the relay
 * publishing them, in worker processes run alternately with tracing off (no OTEL_* set: the SDK is not loaded) and on
 * (OTLP/HTTP JSON to a receiver in this process), side by side in one run. Reported as on/off ratios.
 * Run: npm run bench:tracing
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/ports';
import { startOtlpReceiver } from '../test/support/otlp-receiver';
import type { WorkerResult } from './tracing/worker';

const ROUNDS = 3;
const COMMANDS = 400;

function runWorker(env: Record<string, string>): Promise<WorkerResult> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'tracing', 'worker.ts')], {
    env: { ...process.env, ...env, BENCH_COMMANDS: String(COMMANDS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as WorkerResult)
        : reject(new Error(`worker exited ${code}`)),
    ),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const port = await freePort();
  const receiver = await startOtlpReceiver(port);
  const on = {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
  };
  const off = Object.fromEntries(Object.keys(on).map((name) => [name, '']));
  const results: Record<'off' | 'on', WorkerResult[]> = { off: [], on: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const mode of ['off', 'on'] as const) {
      console.log(`round ${round}/${ROUNDS}: tracing ${mode}, ${COMMANDS} appends then relayed…`);
      results[mode].push(await runWorker(mode === 'on' ? on : off));
    }
  }
  await receiver.close();
  const row = (name: string, key: keyof WorkerResult) => {
    const [offRate, onRate] = [median(results.off.map((r) => r[key])), median(results.on.map((r) => r[key]))];
    return `| ${name} | ${Math.round(offRate)} | ${Math.round(onRate)} | ${(onRate / offRate).toFixed(2)}× |`;
  };
  console.log(`\n| measure (median of ${ROUNDS}) | off /s | on /s | on / off |\n|---|---:|---:|---:|`);
  console.log(row('append, 1 writer (commands/s)', 'appendsPerSecond'));
  console.log(row('relay publish (events/s)', 'relayedPerSecond'));
  console.log(
    `\nspans received while on: ${receiver.spans.length}; load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
