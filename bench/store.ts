/**
 * Event store and relay throughput as ratios of the raw driver and client, measured side by side in one run:
 *   - round trips per command through the command executor (driver command monitoring, bench/store/command-costs.ts);
 *   - append: single-event commands, 1 and 8 concurrent writers, vs raw insertOne (1 and 8 concurrent);
 *   - relay: events published per second by the outbox relay vs raw idempotent single sends (acks=-1).
 * Run: npm run bench:store
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Registry } from 'prom-client';
import { eventRegistrations } from '@cm/domain';
import { EventTypeRegistry, MongoEventStore, MongoOutbox, OutboxLease } from '@cm/event-store';
import { ensureEventTopics, OutboxRelay, RelayMetrics } from '@cm/messaging';
import { measureBaseline, ratioTo } from './baseline';
import { commandCosts, costTable } from './store/command-costs';

const mongodbUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const payload = { title: 'x'.repeat(700), quantity: { amount: '1000.00', unit: 'USD' } };

/** Aggregates here live for tens of events, so each writer appends streams of 20 single-event commands in turn. */
const EVENTS_PER_STREAM = 20;

async function appendRate(store: MongoEventStore, writers: number, perWriter: number, tag: string): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; n < perWriter; n++) {
        const streamId = `need-${tag}-${writer}-${Math.floor(n / EVENTS_PER_STREAM)}`;
        const version = n % EVENTS_PER_STREAM;
        await store.append(
          streamId,
          'need',
          version === 0 ? 'no_stream' : version,
          [{ type: version === 0 ? 'NeedPosted' : 'NeedRevised', data: payload }],
          {
            commandId: `${streamId}-${version}`,
            correlationId: tag,
            causationId: tag,
            actor: { sub: 'bench', role: 'coordinator' },
          },
        );
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (writers * perWriter) / seconds;
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  console.log('measuring the raw baseline in this run…');
  const baseline = await measureBaseline({ maxSeconds: 5, largeReadDocs: 0 });

  const client = await new MongoClient(mongodbUri, { retryWrites: false, monitorCommands: true }).connect();
  const db = client.db(`bench_store_${runId}`);
  console.log('counting round trips per command…');
  const costsDb = client.db(`bench_store_costs_${runId}`); // apart: the relay below counts this database's events
  const costs = costTable(await commandCosts(client, costsDb));
  await costsDb.dropDatabase();
  const store = new MongoEventStore(db, new EventTypeRegistry(eventRegistrations));
  console.log('appending: 1 writer…');
  await appendRate(store, 1, 100, `warm${runId}`);
  const single = await appendRate(store, 1, 2_000, `one${runId}`);
  console.log('appending: 8 concurrent writers…');
  const concurrent = await appendRate(store, 8, 400, `eight${runId}`);
  const appended = 100 + 2_000 + 8 * 400;

  console.log(`relaying the ${appended} appended events…`);
  const kafka = new Kafka({ clientId: 'bench-store', brokers, logLevel: logLevel.NOTHING });
  const prefix = `bench.store.${runId}.`;
  await ensureEventTopics(kafka, { prefix, partitions: 3, replicationFactor: 1 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const metrics = new RelayMetrics(new Registry());
  const relay = new OutboxRelay(
    new MongoOutbox(db),
    producer,
    new OutboxLease(db, { name: 'bench', owner: runId, ttlMs: 10_000 }),
    { topicPrefix: prefix },
    metrics,
  );
  const relayStarted = process.hrtime.bigint();
  relay.start();
  while ((await metrics.published.get()).values[0]?.value !== appended) await new Promise((r) => setTimeout(r, 20));
  const relaySeconds = Number(process.hrtime.bigint() - relayStarted) / 1e9;
  await relay.stop();
  await producer.disconnect();
  const relayRate = appended / relaySeconds;

  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: (await admin.listTopics()).filter((topic) => topic.startsWith(prefix)) });
  await admin.disconnect();
  await db.dropDatabase();
  await client.close();

  const ratio = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)}×`);
  const rows = [
    ['append, 1 writer (events/s)', single, ratio(ratioTo(baseline, 'mongo.insertOne', single)), 'raw insertOne ×1'],
    [
      'append, 8 writers (events/s)',
      concurrent,
      ratio(ratioTo(baseline, 'mongo.insertOne.concurrent', concurrent)),
      'raw insertOne ×8',
    ],
    [
      'relay publish (events/s)',
      relayRate,
      ratio(ratioTo(baseline, 'kafka.produce.idempotent', relayRate)),
      'raw idempotent send ×1',
    ],
    [
      'relay publish vs batched sends',
      relayRate,
      ratio(ratioTo(baseline, 'kafka.produce.batch', relayRate)),
      'raw sends of 100',
    ],
  ];
  console.log(`\n| measure | ours /s | ratio | against |\n|---|---:|---:|---|`);
  for (const [name, rate, r, against] of rows)
    console.log(`| ${name} | ${Math.round(rate as number)} | ${r} | ${against} |`);
  console.log(`\nround trips per command (driver command monitoring):\n${costs}`);
  console.log(
    `\nraw: ${JSON.stringify(baseline.opsPerSecond)}\nload average at start: ${baseline.environment.loadAverage}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
