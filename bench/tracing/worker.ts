/** One measurement of bench/tracing.ts, in a fresh process so that "off" has nothing of the SDK loaded. */
import './start-tracing';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Registry } from 'prom-client';
import { eventRegistrations } from '@cm/domain';
import { EventTypeRegistry, MongoEventStore, MongoOutbox, OutboxLease } from '@cm/event-store';
import { ensureEventTopics, OutboxRelay, RelayMetrics } from '@cm/messaging';
import { inSpan, stopTracing } from '@cm/observability';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 400);

export interface WorkerResult {
  appendsPerSecond: number;
  relayedPerSecond: number;
}

async function worker(): Promise<WorkerResult> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const client = await new MongoClient(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/', {
    retryWrites: false,
  }).connect();
  const db = client.db(`bench_tracing_${runId}`);
  const store = new MongoEventStore(db, new EventTypeRegistry(eventRegistrations));
  const data = { title: 'x'.repeat(700), quantity: { amount: '1000.00', unit: 'USD' } };
  const started = process.hrtime.bigint();
  for (let n = 0; n < COMMANDS; n++) {
    const streamId = `need-${runId}-${n}`;
    const metadata = { commandId: streamId, correlationId: runId, causationId: runId, actor: { sub: 'b', role: 'x' } };
    await inSpan('bench command', {}, () =>
      store.append(streamId, 'need', 'no_stream', [{ type: 'NeedPosted', data }], metadata),
    );
  }
  const appendsPerSecond = COMMANDS / (Number(process.hrtime.bigint() - started) / 1e9);

  const kafka = new Kafka({
    clientId: 'bench-tracing',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
  });
  const prefix = `bench.tracing.${runId}.`;
  await ensureEventTopics(kafka, { prefix, partitions: 3, replicationFactor: 1 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const metrics = new RelayMetrics(new Registry());
  const lease = new OutboxLease(db, { name: 'bench', owner: runId, ttlMs: 10_000 });
  const relay = new OutboxRelay(new MongoOutbox(db), producer, lease, { topicPrefix: prefix }, metrics);
  const relayStarted = process.hrtime.bigint();
  relay.start();
  while ((await metrics.published.get()).values[0]?.value !== COMMANDS) await new Promise((r) => setTimeout(r, 10));
  const relayedPerSecond = COMMANDS / (Number(process.hrtime.bigint() - relayStarted) / 1e9);
  await relay.stop();
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: (await admin.listTopics()).filter((topic) => topic.startsWith(prefix)) });
  await admin.disconnect();
  await db.dropDatabase();
  await client.close();
  await stopTracing();
  return { appendsPerSecond, relayedPerSecond };
}

if (require.main === module) {
  worker().then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
