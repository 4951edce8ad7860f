import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import { MongoOutbox, OutboxLease } from '@cm/event-store';
import { Registry } from 'prom-client';
import { appendNeedEvents, assertStreamOrder, collectTopic, storeFor } from '../../../../test/support/event-log';
import { freePort } from '../../../../test/support/ports';
import { RunningProcess, startKafka, waitFor } from '../../../../test/support/processes';
import { testMongo, uniqueName, withAdmin } from '../../../../test/support/servers';
import { ensureEventTopics } from '../topic-provisioner';
import { topicFor } from '../topics';
import { OutboxRelay } from './outbox-relay';
import { RelayMetrics } from './relay-metrics';

describe('the outbox relay when Kafka is down', () => {
  let dataDir: string;
  let broker: RunningProcess;
  let port: number;
  let controllerPort: number;
  let kafka: Kafka;
  let client: MongoClient;
  let db: Db;
  let producer: Producer;
  let relay: OutboxRelay;
  let metrics: RelayMetrics;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cm-kafka-'));
    [port, controllerPort] = [await freePort(), await freePort()];
    broker = await startKafka(dataDir, port, controllerPort);
    kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 3 } });
    await waitFor(
      async () => (await withAdmin(kafka, (admin) => admin.describeCluster())).brokers,
      'the private broker',
      60_000,
      broker.output,
    );
    await ensureEventTopics(kafka, { prefix: '', partitions: 3, replicationFactor: 1 });
    client = await testMongo();
    db = client.db(uniqueName('relay_down'));
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 2 } });
    await producer.connect();
    metrics = new RelayMetrics(new Registry());
    relay = new OutboxRelay(
      new MongoOutbox(db),
      producer,
      new OutboxLease(db, { name: 'relay', owner: 'test', ttlMs: 6_000 }),
      { topicPrefix: '' },
      metrics,
    );
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await producer?.disconnect().catch(() => undefined);
    await db?.dropDatabase();
    await client?.close();
    await broker?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps accepting appends, then publishes all 200 events in stream order when Kafka returns', async () => {
    expect(await broker.stop('SIGTERM')).toBeDefined();
    const store = storeFor(db);
    const streams = Array.from({ length: 20 }, (_, i) => `need-down-${i}`);
    await appendNeedEvents(store, streams, 10);

    await waitFor(
      async () => ((await metrics.waiting.get()).values[0]?.value === 200 ? true : undefined),
      'the backlog gauge to show 200 waiting',
    );
    expect((await metrics.oldestWaitingSeconds.get()).values[0].value).toBeGreaterThan(0);

    broker = await startKafka(dataDir, port, controllerPort);
    await waitFor(
      async () => (await withAdmin(kafka, (admin) => admin.describeCluster())).brokers,
      'the restarted broker',
      60_000,
      broker.output,
    );
    const log = await collectTopic(kafka, topicFor('need'));
    await waitFor(
      async () => (new Set(log.events.map((event) => event.eventId)).size >= 200 ? true : undefined),
      'all 200 events',
      120_000,
      () => `${log.events.length} received`,
    );
    await log.stop();
    assertStreamOrder(log.events, new Map(streams.map((streamId) => [streamId, 10])));
    expect((await metrics.waiting.get()).values[0].value).toBe(0);
  });
});
