import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import { eventStoreCollections } from '@cm/event-store';
import { actorTokens } from '../support/actor-stack';
import { apiClient } from '../support/api-client';
import { freePort } from '../support/ports';
import { RunningProcess, startApp, startFerretDb, startKafka, waitFor } from '../support/processes';
import { dumpAll } from '../support/projection-scenarios';
import { cleanRebuild, foldMismatches, lagging, missingInKafka, notStoredOnce, storedStreams } from './checks';
import { type FaultReport, measureFault, reportTable } from './fault-report';
import { MixedLoad } from './mixed-load';
import { brokerAnswers, endToEnd } from './probes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const database = 'faults';
/**
 * The whole system on its own Kafka broker and FerretDB (so that killing them disturbs no other test), under steady
 * mixed HTTP load, while one after another the broker, the database server, the relay, the projector and the api are
 * killed with SIGKILL and started again. Then: nothing accepted is lost or doubled anywhere.
 */
describe('faults: SIGKILL of every server and app under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cm-faults-'));
  const ports: Record<string, number> = {};
  const apps: Partial<Record<'api' | 'relay' | 'projector', RunningProcess>> = {};
  let kafkaServer: RunningProcess;
  let ferret: RunningProcess;
  let mongo: MongoClient;
  let db: Db;
  let kafka: Kafka;
  let base: string;
  const tokens = {} as Record<'LAO' | 'VNM' | 'NOR' | 'DEU' | 'analyst', string>;
  const reports: FaultReport[] = [];

  const env = (app: string) => ({
    PORT: String(ports[app]),
    MONGODB_URI: `mongodb://127.0.0.1:${ports.mongo}/`,
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: `127.0.0.1:${ports.kafka}`,
    KAFKA_TOPIC_PREFIX: 'faults.',
    RELAY_LEASE_TTL_MS: '3000',
    ALLOCATION_RECOVERY_AFTER_MS: '3000',
    CONSISTENCY_WAIT_MS: '3000',
  });
  const start = (app: 'api' | 'relay' | 'projector') => (apps[app] = startApp(app, env(app)));
  const startBroker = async () => (kafkaServer = await startKafka(join(dir, 'kafka'), ports.kafka, ports.controller));
  const startDatabase = () => (ferret = startFerretDb(ports.mongo, join(dir, 'ferretdb')));

  beforeAll(async () => {
    for (const name of ['kafka', 'controller', 'mongo', 'api', 'relay', 'projector']) ports[name] = await freePort();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'ferretdb'), { recursive: true });
    startDatabase();
    await startBroker();
    kafka = new Kafka({ brokers: [`127.0.0.1:${ports.kafka}`], logLevel: logLevel.NOTHING, retry: { retries: 30 } });
    mongo = await new MongoClient(`mongodb://127.0.0.1:${ports.mongo}/`, {
      retryWrites: false,
      serverSelectionTimeoutMS: 30_000,
    }).connect();
    db = mongo.db(database);
    await waitForBroker();
    for (const app of ['relay', 'projector', 'api'] as const) start(app);
    base = `http://127.0.0.1:${ports.api}`;
    await waitForApi();
    Object.assign(tokens, await actorTokens(apiClient(base), '2h'));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(Object.values(apps).map((app) => app?.stop('SIGKILL')));
    await mongo?.close();
    await kafkaServer?.stop('SIGKILL');
    await ferret?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if (reports.length > 0) console.log(reportTable(reports));
  });

  async function waitForBroker(): Promise<void> {
    await waitFor(() => brokerAnswers(kafka), 'the broker to answer', 90_000);
  }

  async function waitForApi(): Promise<void> {
    await waitFor(
      async () => ((await fetch(`${base}/health/live`)).status === 200 ? true : undefined),
      'the api to answer',
      90_000,
      () => apps.api?.output() ?? '',
    );
  }

  async function fault(name: string, inject: () => Promise<void>, load: MixedLoad): Promise<void> {
    const output = () =>
      Object.entries(apps)
        .map(([app, process]) => `--- ${app}\n${process?.output().slice(-3_000)}`)
        .join('\n');
    reports.push(await measureFault(name, inject, load, () => endToEnd(base, tokens.LAO), output));
  }

  it('answers no 500, and afterwards every accepted command is in the store once, in Kafka, and in every read model exactly once', async () => {
    const load = new MixedLoad(base, tokens, { workers: 4, retryForMs: 60_000 });
    load.start();
    await sleep(8_000);
    try {
      await fault(
        'Kafka broker SIGKILL, restarted after 20 s',
        async () => {
          await kafkaServer.stop('SIGKILL');
          await sleep(20_000);
          await startBroker();
        },
        load,
      );
      await fault(
        'database server SIGKILL, restarted after 5 s',
        async () => {
          await ferret.stop('SIGKILL');
          await sleep(5_000);
          startDatabase();
        },
        load,
      );
      for (const app of ['relay', 'projector'] as const) {
        await fault(
          `${app} SIGKILL, restarted`,
          async () => {
            await apps[app]!.stop('SIGKILL');
            await sleep(1_000);
            start(app);
          },
          load,
        );
      }
      await fault(
        'api SIGKILL in the middle of allocation sagas, restarted',
        async () => {
          await waitFor(
            async () => ((await db.collection('allocation_intents').countDocuments()) > 0 ? true : undefined),
            'an allocation saga in flight',
            30_000,
          ).catch(() => undefined);
          await apps.api!.stop('SIGKILL');
          await sleep(1_000);
          start('api');
          await waitForApi();
        },
        load,
      );
    } finally {
      await load.stop();
    }

    // 503 while a dependency is down is the contract; 500 never is.
    const failures = load.failures().filter((o) => o.status !== 503);
    expect(failures).toEqual([]);
    expect(load.accepted.length).toBeGreaterThan(50);

    // The relay drains, the sagas are finished or compensated, the projections catch up with the store.
    await waitFor(
      async () => ((await eventStoreCollections(db).outbox.countDocuments()) === 0 ? true : undefined),
      'the outbox to drain',
      120_000,
    );
    await waitFor(
      async () => ((await db.collection('allocation_intents').countDocuments()) === 0 ? true : undefined),
      'the saga recovery to leave no intent behind',
      60_000,
    );
    const streams = await storedStreams(db);
    // Every stored event reached Kafka.
    expect(await missingInKafka(kafka, streams, 'faults.')).toEqual([]);

    let behind: string[] = [];
    await waitFor(
      async () => ((behind = await lagging(db, streams)).length === 0 ? true : undefined),
      'the projections to reach every stream version',
      240_000,
      () => `${behind.length} behind: ${behind.slice(0, 5).join(', ')}`,
    );

    // Every accepted command is in the store exactly once.
    expect(notStoredOnce(load.accepted, streams)).toEqual([]);

    // Every read-model document is the fold of its stream's events (nothing applied twice or skipped), and the
    // derived read models equal a clean rebuild from the topics.
    const { unequal, overAllocated } = await foldMismatches(db, streams);
    expect(unequal).toEqual([]);
    expect(overAllocated).toEqual([]);
    expect(await dumpAll(db)).toEqual(await cleanRebuild(db, kafka, 'faults.'));

    const lost = 0; // asserted above: nothing accepted is missing from the store, Kafka or the read models
    console.log(
      `[faults] ${load.accepted.length} commands accepted, ${load.outcomes.length} answers, ` +
        `${load.refused().length} refused (503 or connection), events lost ${lost}, duplicated 0`,
    );
  }, 900_000);
});
