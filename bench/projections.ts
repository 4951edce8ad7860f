/**
 * Projection benchmark (not a test): rebuild throughput as a ratio of the raw kafkajs consume rate measured in the
 * same run, and end-to-end lag (command accepted → visible in the read model) under a steady load of commands.
 *
 * Run: npm run bench:projections   (STORIES=150 RATE=5 SECONDS=30 to change the load)
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { ensureEventTopics, streamTopics } from '@cm/messaging';
import { projectionSetNames, rebuildProjectionSet } from '@cm/read-models';
import { signToken } from '@cm/platform';
import { storeFor } from '../test/support/event-log';
import { freePort } from '../test/support/ports';
import { startApp, waitFor, type RunningProcess } from '../test/support/processes';
import { seedStories } from '../test/support/projection-scenarios';
import { markdownTable, measureBaseline, ratioTo } from './baseline';

const stories = Number(process.env.STORIES ?? 150);
const rate = Number(process.env.RATE ?? 5);
const seconds = Number(process.env.SECONDS ?? 30);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const mongodbUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const baseline = await measureBaseline({ include: ['kafka'], maxSeconds: 5 });
  const consumeRate = baseline.opsPerSecond['kafka.consume.eachMessage'] ?? 0;

  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = `bench_projections_${runId}`;
  const topicPrefix = `bench.projections.${runId}.`;
  const kafka = new Kafka({ clientId: 'bench-projections', brokers, logLevel: logLevel.ERROR });
  const mongo = await new MongoClient(mongodbUri, { retryWrites: false }).connect();
  const db = mongo.db(database);
  const env = {
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
  };
  const processes: RunningProcess[] = [];
  try {
    await ensureEventTopics(kafka, { prefix: topicPrefix, partitions: 3, replicationFactor: 1 });
    processes.push(startApp('relay', { ...env, PORT: String(await freePort()) }));
    const events = await seedStories(storeFor(db), 0, stories, new Map());
    console.log(`seeded ${events} events; waiting for the relay to publish them`);
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(
      async () => {
        let published = 0;
        for (const topic of Object.values(streamTopics)) {
          for (const o of await admin.fetchTopicOffsets(`${topicPrefix}${topic}`)) published += Number(o.high);
        }
        return published >= events ? true : undefined;
      },
      'the relay to publish the seeded events',
      300_000,
    );
    await admin.disconnect();

    const started = Date.now();
    const results = await Promise.all(
      projectionSetNames.map((set) => rebuildProjectionSet(db, kafka, set, { topicPrefix, switchOver: true })),
    );
    const wall = (Date.now() - started) / 1000;
    const rebuildRate = events / wall;

    const apiPort = await freePort();
    processes.push(startApp('projector', { ...env, PORT: String(await freePort()) }));
    processes.push(startApp('api', { ...env, PORT: String(apiPort) }));
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(
      async () => ((await fetch(`${base}/health/live`)).status === 200 ? true : undefined),
      'the api',
      90_000,
    );
    const token = await signToken({ role: 'coordinator', sub: 'bench', expires: '1h' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const lags: number[] = [];
    let stale = 0;
    const one = async (n: number) => {
      const posted = await fetch(`${base}/needs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          requesterId: 'LAO',
          pillar: 'clearance',
          assistanceType: 'material',
          category: 'metal_detectors',
          title: `bench ${n}`,
          quantity: { amount: 10, unit: 'items' },
          priority: 'low',
        }),
      });
      const answer = (await posted.json()) as { id: string; consistencyToken: string };
      const accepted = Date.now();
      const read = await fetch(`${base}/needs/${answer.id}`, {
        headers: { ...headers, 'x-consistent-with': answer.consistencyToken },
      });
      await read.text();
      if (read.headers.get('x-consistency') !== 'consistent') stale += 1;
      lags.push(Date.now() - accepted);
    };
    // Warm-up: the projector's groups join before the measured load starts.
    await one(-1);
    lags.length = 0;
    const pending: Promise<void>[] = [];
    for (let n = 0; n < rate * seconds; n++) {
      pending.push(one(n));
      await sleep(1000 / rate);
    }
    await Promise.all(pending);
    lags.sort((a, b) => a - b);

    console.log('\n## Projections\n');
    console.log(
      markdownTable(
        ['measure', 'value'],
        [
          ['events replayed (4 projection sets, in parallel)', String(events)],
          ['rebuild wall time (incl. consumer group joins)', `${wall.toFixed(1)} s`],
          ['rebuild throughput', `${rebuildRate.toFixed(0)} events/s`],
          ['per set', results.map((r) => `${r.set} ${r.events} ev ${r.eventsPerSecond.toFixed(0)}/s`).join('; ')],
          ['raw kafkajs consume (eachMessage, same run)', `${consumeRate.toFixed(0)} msg/s`],
          [
            'rebuild ÷ raw consume',
            `${((ratioTo(baseline, 'kafka.consume.eachMessage', rebuildRate) ?? 0) * 100).toFixed(1)} %`,
          ],
          [`end-to-end lag p50 (${lags.length} POST /needs at ${rate}/s)`, `${percentile(lags, 50)} ms`],
          ['end-to-end lag p99', `${percentile(lags, 99)} ms`],
          ['answers marked stale', String(stale)],
        ],
        ['left', 'right'],
      ),
    );
  } finally {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await db.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
