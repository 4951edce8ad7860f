/**
 * Load benchmark (not a test): a mixed workload of needs, pledges, allocations, deliveries, confirmations and queries
 * through HTTP against the real api, relay and projector, at rising open-loop arrival rates until errors or latency
 * explode; then a soak at a sustainable rate while the api's post-GC heap is sampled. Figures are also divided by
 * what the same api answers on `GET /health/live` and by raw `insertOne` on the same FerretDB, both in this run.
 *
 * Run: npm run bench:load
 *   RATES=2,5,10,20,40,80,160  STEP_MS=30000  SOAK_MS=600000  SOAK_RATE=(half the last sustained step)
 *   P99_LIMIT_MS=2000  QUERY_SHARE=0.4  LAG_SAMPLE=0.2  HEAP_SAMPLE_MS=30000
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { ensureEventTopics } from '@cm/messaging';
import { apiClient } from '../test/support/api-client';
import { freePort } from '../test/support/ports';
import { startApp, waitFor, type RunningProcess } from '../test/support/processes';
import { measureBaseline, ratioTo } from './baseline';
import { InspectedHeap, sampleHeap } from './load/heap';
import { healthThroughput, runStep, sustained, type StepReport } from './load/open-loop';
import { heapLine, mib, operationTable, stepLine, stepTable } from './load/report';
import { heapTrend } from './load/statistics';
import type { Tokens } from './load/client';
import { AssistanceWorkload } from './load/workload';

const numberOf = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const rates = (process.env.RATES ?? '2,5,10,20,40,80,160').split(',').map(Number);
const stepMs = numberOf('STEP_MS', 30_000);
const soakMs = numberOf('SOAK_MS', 600_000);
const heapEveryMs = numberOf('HEAP_SAMPLE_MS', 30_000);
const limits = { errorShare: 0.01, p99Ms: numberOf('P99_LIMIT_MS', 2_000) };
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const mongodbUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const baseline = await measureBaseline({ include: ['mongo'], maxSeconds: 4, largeReadDocs: 0, log });
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const env = {
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: `bench_load_${runId}`,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: `bench.load.${runId}.`,
    REQUEST_TIMEOUT_MS: '30000', // the production default: an overloaded api answers 503 rather than hanging
  };
  const kafka = new Kafka({ clientId: 'bench-load', brokers, logLevel: logLevel.ERROR });
  const mongo = await new MongoClient(mongodbUri, { retryWrites: false }).connect();
  const processes: RunningProcess[] = [];
  let heap: InspectedHeap | undefined;
  try {
    await ensureEventTopics(kafka, { prefix: env.KAFKA_TOPIC_PREFIX, partitions: 3, replicationFactor: 1 });
    const [apiPort, inspectorPort] = [await freePort(), await freePort()];
    processes.push(startApp('relay', { ...env, PORT: String(await freePort()) }));
    processes.push(startApp('projector', { ...env, PORT: String(await freePort()) }));
    const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:${inspectorPort}`.trim();
    const api = startApp('api', { ...env, PORT: String(apiPort), NODE_OPTIONS: nodeOptions });
    processes.push(api);
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(
      async () => ((await fetch(`${base}/health/live`)).status === 200 ? true : undefined),
      'the api',
      120_000,
      () => api.output(),
    );
    heap = await InspectedHeap.connect(inspectorPort);
    const client = apiClient(base);
    const tokens: Tokens = {
      LAO: await client.token('affected_state', 'LAO', '3h'),
      VNM: await client.token('affected_state', 'VNM', '3h'),
      NOR: await client.token('donor', 'NOR', '3h'),
      DEU: await client.token('donor', 'DEU', '3h'),
      analyst: await client.token('analyst', undefined, '3h'),
    };
    const healthBefore = await healthThroughput(base, 5);
    log(`GET /health/live, 16 concurrent: ${healthBefore.toFixed(0)}/s`);
    const workload = new AssistanceWorkload(base, tokens, {
      queryShare: numberOf('QUERY_SHARE', 0.4),
      lagSample: numberOf('LAG_SAMPLE', 0.2),
      timeoutMs: 30_000,
      probeForMs: 30_000,
    });
    const arrive = workload.arrive.bind(workload);
    const step = (label: string, rate: number, durationMs: number, progressEveryMs = 10_000) =>
      runStep(arrive, { label, rate, durationMs, maxInFlight: 1_000, progressEveryMs, log });

    log('warm-up: 15 s at 5/s (consumer groups join, caches fill; not reported)');
    await step('warm-up', 5, 15_000);
    const steps: StepReport[] = [];
    let lastSustained: number | undefined;
    for (const rate of rates) {
      log(`step: ${rate} arrivals/s for ${stepMs / 1000} s`);
      const report = await step(`${rate}/s`, rate, stepMs);
      steps.push(report);
      const why = sustained(report, limits);
      log(stepLine(report, why));
      if (why) break;
      lastSustained = rate;
    }

    const soakRate = numberOf('SOAK_RATE', Math.max(1, (lastSustained ?? rates[0]) / 2));
    log(`soak: ${soakRate}/s for ${soakMs / 60_000} min, post-GC heap every ${heapEveryMs / 1000} s`);
    const sampling = sampleHeap(heap, base, heapEveryMs, log);
    const soak = await step(`soak ${soakRate}/s`, soakRate, soakMs, 30_000);
    const { samples, rss } = await sampling.stop();
    const healthAfter = await healthThroughput(base, 5);
    const health = (healthBefore + healthAfter) / 2;
    const insertOne = baseline.opsPerSecond['mongo.insertOne'] ?? 0;
    const best = steps.filter((s) => !sustained(s, limits)).at(-1);

    console.log(`\n## Load (run ${runId})\n\n${stepTable([...steps, soak])}\n`);
    for (const s of [...steps, soak].filter((s) => s.errors > 0))
      console.log(`${s.label} errors: ${s.errorsByOperation}`);
    for (const s of [...steps, soak]) console.log(`\nPer route, ${s.label}:\n\n${operationTable(s)}\n`);
    console.log(
      `GET /health/live (16 concurrent, same api): ${healthBefore.toFixed(0)}/s before the steps, ` +
        `${healthAfter.toFixed(0)}/s after the soak; raw insertOne ×1 on the same FerretDB: ${insertOne.toFixed(0)}/s`,
    );
    console.log(
      best === undefined
        ? 'highest sustained step: none'
        : `highest sustained step: ${best.label}, ` +
            `${best.okPerSecond.toFixed(1)} 2xx/s = ${(best.okPerSecond / health).toFixed(3)}× /health/live, ` +
            `${(ratioTo(baseline, 'mongo.insertOne', best.okPerSecond) ?? 0).toFixed(3)}× insertOne`,
    );
    console.log(heapLine(heapTrend(samples)));
    console.log(
      `soak rss: ${mib(rss[0])} → ${mib(rss.at(-1)!)} MiB (max ${mib(Math.max(...rss))}); ` +
        `load average at end: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
  } finally {
    heap?.close();
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await mongo
      .db(env.MONGODB_DATABASE)
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(env.KAFKA_TOPIC_PREFIX));
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
