/**
 * Projection benchmark (not a test): relay throughput against raw batched kafkajs sends and rebuild throughput
 * against the raw kafkajs consume rate, both measured in the same run, with database round trips per event, and end-to-end lag (command accepted → visible in the read model) under a steady load of commands.
 *
 * Run: npm run bench:projections   (STORIES=150 RATE=5 SECONDS=30 to change the load)
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Registry } from 'prom-client';
import { MongoOutbox, OutboxLease } from '@cm/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { ensureEventTopics, OutboxRelay, RelayMetrics } from '@cm/messaging';
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
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const consumeRate = baseline.opsPerSecond['kafka.consume.eachMessage'] ?? 0;

  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = `bench_projections_${runId}`;
  const topicPrefix = `bench.projections.${runId}.`;
  const kafka = new Kafka({ clientId: 'bench-projections', brokers, logLevel: logLevel.ERROR });
  // Every command this process sends is counted: round trips per relayed and per replayed event.
  const mongo = await new MongoClient(mongodbUri, { retryWrites: false, monitorCommands: true }).connect();
  let commands = 0;
  mongo.on('commandStarted', () => (commands += 1));
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
    const events = await seedStories(storeFor(db), 0, stories, new Map());
    console.log(`seeded ${events} events; relaying them in this process`);
    // The relay app's producer and relay, in this process so that its round trips are counted.
    const producer = kafka.producer({ idempotent: false, maxInFlightRequests: 1, retry: { retries: 0 } });
    await producer.connect();
    const lease = new OutboxLease(db, { name: 'bench-relay', owner: runId, ttlMs: 60_000 });
    await lease.tryAcquire();
    const relay = new OutboxRelay(
      new MongoOutbox(db),
      producer,
      lease,
      { topicPrefix },
      new RelayMetrics(new Registry()),
    );
    const relayCommands = commands;
    const relayStarted = Date.now();
    let relayed = 0;
    while (relayed < events) {
      const sent = await relay.publishWaiting();
      relayed += sent;
      if (process.env.TRACE_RELAY) console.log(`relay pass: ${sent} (${relayed}/${events})`);
    }
    const relaySeconds = (Date.now() - relayStarted) / 1000;
    const relayTrips = (commands - relayCommands) / events;
    await producer.disconnect();
    await lease.release();
    processes.push(startApp('relay', { ...env, PORT: String(await freePort()) }));
    const relayRate = events / relaySeconds;

    const rebuildCommands = commands;
    const started = Date.now();
    const results = await Promise.all(
      projectionSetNames.map((set) => rebuildProjectionSet(db, kafka, set, { topicPrefix, switchOver: true })),
    );
    const wall = (Date.now() - started) / 1000;
    const rebuildRate = events / wall;
    const rebuildTrips = (commands - rebuildCommands) / events;

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
          [
            `relay publish (in process, batches of ≤500)`,
            `${relayRate.toFixed(0)} events/s in ${relaySeconds.toFixed(1)} s`,
          ],
          [
            'raw kafkajs send 100 msgs/batch (same run)',
            `${(baseline.opsPerSecond['kafka.produce.batch'] ?? 0).toFixed(0)} msg/s`,
          ],
          ['relay ÷ raw batched send', `${(ratioTo(baseline, 'kafka.produce.batch', relayRate) ?? 0).toFixed(3)}×`],
          ['relay database round trips per event', relayTrips.toFixed(2)],
          ['rebuild database round trips per replayed event (all sets)', rebuildTrips.toFixed(3)],
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
