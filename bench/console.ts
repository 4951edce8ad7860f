/**
 * Console benchmark (not a test): first load of the console on loopback with the demo data, and the gzip size of the
 * JavaScript the first view ships, each beside its budget (1.5 s, 350 KB) as a ratio.
 *
 * Run: npm run bench:console   (LOADS=7 to change the number of cold loads; needs `npm run build` first)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signToken } from '@cm/platform';
import { launchChromium } from '../test/browser/console-browser';
import { startStack, waitFor } from '../test/support/processes';

const loads = Number(process.env.LOADS ?? 7);
const root = join(__dirname, '..');
const database = `bench_console_${Date.now().toString(36)}`;

async function main(): Promise<void> {
  const stack = await startStack({
    MONGODB_URI: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/',
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_PREFIX: `${database}.`,
    CONSOLE_DIR: join(root, 'dist', 'console'),
  });
  const browser = await launchChromium();
  try {
    await waitFor(async () => ((await fetch(`${stack.base}/health/ready`)).ok ? true : undefined), 'the api');
    const seed = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/seed-demo.ts', '--api', stack.base],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (seed.status !== 0) throw new Error(`seed:demo failed\n${seed.stderr}`);
    const token = await signToken({ role: 'affected_state', participant: 'LAO' });
    const times: number[] = [];
    let firstViewJs = 0;
    for (let i = 0; i < loads; i++) {
      // A new context per load: an empty cache, as a person opening the console for the first time.
      const context = await browser.newContext();
      await context.addInitScript(`sessionStorage.setItem('cm-console-session', ${JSON.stringify(token)})`);
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('.js')) scripts.push(response.body().then((body) => gzipSync(body).length));
      });
      const started = Date.now();
      await page.goto(`${stack.base}/console/needs`);
      await page
        .getByRole('cell', { name: /Metal detectors/ })
        .first()
        .waitFor({ timeout: 30_000 });
      times.push(Date.now() - started);
      firstViewJs = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const rows = [
      [
        'first load to the needs table (median of ' + loads + ')',
        `${median} ms`,
        `${(median / 1500).toFixed(2)} of 1.5 s`,
      ],
      ['first load, fastest / slowest', `${times[0]} / ${times.at(-1)} ms`, ''],
      [
        'JS shipped for the first view (gzip)',
        `${(firstViewJs / 1024).toFixed(1)} KB`,
        `${(firstViewJs / 1024 / 350).toFixed(2)} of 350 KB`,
      ],
    ];
    console.log('| measure | value | of budget |\n|---|---:|---:|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } finally {
    await browser.close();
    await Promise.all(stack.processes.map((p) => p.stop()));
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
