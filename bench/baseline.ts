/**
 * Raw baseline: what the `mongodb` driver on the local FerretDB and kafkajs on the local Kafka broker manage with
 * nothing of ours in between. Later benchmarks (bench/store.ts, bench/projections.ts) call measureBaseline() in their
 * own run and report their figures as ratios of these, so that the noise of a shared machine cancels out.
 *
 * Run: npm run bench:baseline  (deploy/local/with-infra exports KAFKA_BROKERS and MONGODB_URI)
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { measureKafka } from './baseline/kafka';
import { BaselineKey, elapsedSeconds, formatRate, formatTable, Log, Measurement, now } from './baseline/measure';
import { measureMongo } from './baseline/mongo';

export { formatTable, markdownTable, measure, timed } from './baseline/measure';
export type { BaselineKey, Log, Measurement, Step, TimedResult, TimedRun } from './baseline/measure';

export interface BaselineOptions {
  /** Default: $MONGODB_URI, else mongodb://127.0.0.1:27017/. */
  mongodbUri?: string;
  /** Default: $KAFKA_BROKERS (comma-separated), else 127.0.0.1:9092. */
  kafkaBrokers?: string[];
  /** Which halves to measure; default both. */
  include?: ('mongo' | 'kafka')[];
  /** Upper bound of each timed measurement in seconds (each also has an operation count bound). Default 8. */
  maxSeconds?: number;
  /** Upper bound of each warm-up in seconds. Default 1.5. */
  warmupSeconds?: number;
  /** Concurrent writers and readers for the concurrent rows. Default 8. */
  concurrency?: number;
  /** Size of a document (BSON) and of a message value. Default 1024. */
  payloadBytes?: number;
  /** Documents per insertMany and messages per batched send. Default 100. */
  batchSize?: number;
  /** Collection sizes for the reads by _id; the second shows how reads scale (0 skips it). Default 1,000 and 10,000. */
  readDocs?: number;
  largeReadDocs?: number;
  /** Kafka partitions of the benchmark topics. Default 3. */
  partitions?: number;
  /** Progress lines; default console.log. */
  log?: Log;
}

export interface Baseline {
  runId: string;
  startedAt: string;
  seconds: number;
  database: string;
  topicPrefix: string;
  environment: {
    node: string;
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    platform: string;
    /** 1-minute load average when the run started: other work on the machine skews every figure. */
    loadAverage: number;
    mongoServerVersion?: string;
    docBytes?: number;
  };
  /** In the order measured. */
  measurements: Measurement[];
  /** Throughput per key, for ratios. */
  opsPerSecond: Partial<Record<BaselineKey, number>>;
  kafkaJoinSeconds?: { eachBatch?: number; eachMessage?: number };
}

/** Measures the raw driver and client figures on a database and topics unique to this call, then removes them. */
export async function measureBaseline(options: BaselineOptions = {}): Promise<Baseline> {
  const log = options.log ?? ((line: string) => console.log(line));
  const include = options.include ?? ['mongo', 'kafka'];
  const runId = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
  const database = `bench_baseline_${runId.replace(/-/g, '_')}`;
  const topicPrefix = `bench.baseline.${runId}`;
  const maxSeconds = options.maxSeconds ?? 8;
  const warmupSeconds = options.warmupSeconds ?? 1.5;
  const concurrency = options.concurrency ?? 8;
  const payloadBytes = options.payloadBytes ?? 1024;
  const batchSize = options.batchSize ?? 100;
  const startedAt = new Date().toISOString();
  const started = now();

  const baseline: Baseline = {
    runId,
    startedAt,
    seconds: 0,
    database,
    topicPrefix,
    environment: {
      node: process.version,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverage: os.loadavg()[0],
    },
    measurements: [],
    opsPerSecond: {},
  };
  log(`baseline ${runId}: ${include.join(' + ')}, ≤${maxSeconds}s per measurement, ${payloadBytes}-byte payloads`);

  if (include.includes('mongo')) {
    const mongo = await measureMongo({
      uri: options.mongodbUri ?? process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/',
      database,
      docBytes: payloadBytes,
      concurrency,
      batchSize,
      readDocs: options.readDocs ?? 1_000,
      largeReadDocs: options.largeReadDocs ?? 10_000,
      maxSeconds,
      warmupSeconds,
      log,
    });
    baseline.measurements.push(...mongo.measurements);
    baseline.environment.mongoServerVersion = mongo.serverVersion;
    baseline.environment.docBytes = mongo.docBytes;
  }

  if (include.includes('kafka')) {
    const kafka = await measureKafka({
      brokers: options.kafkaBrokers ?? (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      prefix: topicPrefix,
      messageBytes: payloadBytes,
      partitions: options.partitions ?? 3,
      batchSize,
      maxSeconds,
      warmupSeconds,
      log,
    });
    baseline.measurements.push(...kafka.measurements);
    baseline.kafkaJoinSeconds = kafka.joinSeconds;
  }

  for (const m of baseline.measurements) baseline.opsPerSecond[m.key as BaselineKey] = m.opsPerSecond;
  baseline.seconds = elapsedSeconds(started);
  return baseline;
}

/** measured ÷ baseline for one key, or undefined when the baseline lacks it. */
export function ratioTo(baseline: Baseline, key: BaselineKey, opsPerSecond: number): number | undefined {
  const reference = baseline.opsPerSecond[key];
  return reference === undefined || reference === 0 ? undefined : opsPerSecond / reference;
}

/** The report printed by `npm run bench:baseline`: the table and the notes needed to read it. */
export function formatBaseline(baseline: Baseline): string {
  const env = baseline.environment;
  const notes = baseline.measurements.filter((m) => m.note !== undefined).map((m) => `- ${m.operation}: ${m.note}`);
  return [
    `Baseline ${baseline.runId} at ${baseline.startedAt}, ${baseline.seconds.toFixed(0)}s in all`,
    `Node ${env.node}, ${env.cpus} CPUs (${env.cpuModel}), ${env.memoryGiB} GiB, ${env.platform}, ` +
      `load average ${env.loadAverage.toFixed(2)} at start`,
    env.mongoServerVersion === undefined
      ? ''
      : `MongoDB-compatible server reports ${env.mongoServerVersion}; documents are ${env.docBytes} BSON bytes`,
    '',
    formatTable(baseline.measurements),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ]
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n');
}

async function main(): Promise<void> {
  const baseline = await measureBaseline();
  console.log('');
  console.log(formatBaseline(baseline));
  const slowest = baseline.measurements.reduce((a, b) => (b.opsPerSecond < a.opsPerSecond ? b : a));
  console.log(`\nslowest: ${slowest.operation} at ${formatRate(slowest.opsPerSecond)}/s`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
