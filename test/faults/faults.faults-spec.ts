import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import { eventStoreCollections, type EventEnvelope } from '@cm/event-store';
import { topicFor, type StreamType } from '@cm/messaging';
import {
  collectionNameOf,
  dumpGeneration,
  evolveAllocationView,
  evolveNeedView,
  evolvePledgeView,
  liveAlias,
  projectionSetNames,
  rebuildProjectionSet,
  type ProjectionSetName,
} from '@cm/read-models';
import { actorTokens } from '../support/actor-stack';
import { apiClient } from '../support/api-client';
import { collectTopic, storeFor } from '../support/event-log';
import { freePort } from '../support/ports';
import { RunningProcess, startApp, startFerretDb, startKafka, waitFor } from '../support/processes';
import { dumpAll } from '../support/projection-scenarios';
import { MixedLoad } from './mixed-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const database = 'faults';
const views = {
  need: { set: 'needs', evolve: evolveNeedView },
  pledge: { set: 'pledges', evolve: evolvePledgeView },
  allocation: { set: 'allocations', evolve: evolveAllocationView },
} as const;
type Evolve = (doc: never, envelope: EventEnvelope) => unknown;

interface FaultReport {
  fault: string;
  answered: number;
  refused: number;
  failed: number;
  recoverySeconds: number;
}

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
    await waitFor(
      async () => {
        const admin = kafka.admin();
        await admin.connect();
        try {
          await admin.listTopics();
          return true;
        } finally {
          await admin.disconnect();
        }
      },
      'the broker to answer',
      90_000,
    );
  }

  async function waitForApi(): Promise<void> {
    await waitFor(
      async () => ((await fetch(`${base}/health/live`)).status === 200 ? true : undefined),
      'the api to answer',
      90_000,
      () => apps.api?.output() ?? '',
    );
  }

  /** A command and a read that waits for it: the whole path (api, store, relay, Kafka, projector) works again. */
  async function endToEnd(): Promise<boolean> {
    const client = apiClient(base);
    const need = await client.send('POST', '/needs', {
      token: tokens.LAO,
      body: {
        assistanceType: 'material',
        category: 'metal_detectors',
        requesterId: 'LAO',
        pillar: 'clearance',
        title: 'Probe',
        quantity: { amount: 1, unit: 'items' },
        priority: 'low',
      },
    });
    if (need.status !== 201) return false;
    const token = (need.body as { consistencyToken?: string }).consistencyToken;
    const read = await fetch(`${base}/needs/${need.body.id as string}`, {
      headers: { authorization: `Bearer ${tokens.LAO}`, ...(token && { 'x-consistent-with': token }) },
    });
    return read.status === 200 && read.headers.get('x-consistency') === 'consistent';
  }

  async function fault(name: string, inject: () => Promise<void>, load: MixedLoad): Promise<void> {
    const from = Date.now();
    const before = load.outcomes.length;
    await inject();
    const healed = Date.now();
    await waitFor(
      async () => ((await endToEnd().catch(() => false)) ? true : undefined),
      `recovery from ${name}`,
      240_000,
      () =>
        Object.entries(apps)
          .map(([app, process]) => `--- ${app}\n${process?.output().slice(-3_000)}`)
          .join('\n'),
    );
    const recoverySeconds = (Date.now() - healed) / 1000;
    await sleep(5_000); // steady load again before the next fault
    reports.push({
      fault: name,
      answered: load.outcomes.length - before,
      refused: load.refused(from).length,
      failed: load.failures(from).filter((o) => o.status !== 503).length,
      recoverySeconds,
    });
    console.log(`[faults] ${name}: recovered ${recoverySeconds.toFixed(1)} s after the restart`);
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
    const streams = await storedStreams();
    // Every stored event reached Kafka.
    const missingInKafka: string[] = [];
    for (const streamType of ['need', 'pledge', 'allocation'] as StreamType[]) {
      const log = await collectTopic(kafka, topicFor(streamType, 'faults.'));
      const stored = [...streams.values()].flat().filter((e) => e.streamType === streamType);
      // Kafka may hold an event more than once (at-least-once delivery): wait for every distinct event id.
      const distinct = () => new Set(log.events.map((e) => e.eventId));
      await waitFor(
        async () => (stored.every((e) => distinct().has(e.eventId)) ? true : undefined),
        `every stored ${streamType} event in its topic`,
        90_000,
      )
        .catch(() => undefined)
        .finally(() => log.stop());
      const published = new Set(log.events.map((e) => e.eventId));
      missingInKafka.push(...stored.filter((e) => !published.has(e.eventId)).map((e) => `${e.streamId} v${e.version}`));
    }
    expect(missingInKafka).toEqual([]);

    let behind: string[] = [];
    await waitFor(
      async () => ((behind = await lagging(streams)).length === 0 ? true : undefined),
      'the projections to reach every stream version',
      240_000,
      () => `${behind.length} behind: ${behind.slice(0, 5).join(', ')}`,
    );

    // Every accepted command is in the store exactly once.
    const eventsOf = (streamId: string) => streams.get(streamId) ?? [];
    const ofType = (streamId: string, type: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
      eventsOf(streamId).filter((e) => e.type === type && match(e.data as Record<string, unknown>)).length;
    const once: string[] = [];
    for (const accepted of load.accepted) {
      const allocation = `allocation-${accepted.allocationId ?? accepted.id}`;
      const count = {
        'post-need': () => ofType(`need-${accepted.id}`, 'NeedPosted'),
        'submit-pledge': () => ofType(`pledge-${accepted.id}`, 'PledgeSubmitted'),
        'request-allocation': () => ofType(allocation, 'AllocationRequested'),
        accept: () => ofType(allocation, 'AllocationAccepted'),
        'record-delivery': () => ofType(allocation, 'DeliveryRecorded', (d) => d.deliveryId === accepted.id),
        'confirm-delivery': () => ofType(allocation, 'DeliveryConfirmed', (d) => d.deliveryId === accepted.id),
      }[accepted.command]();
      if (count !== 1) once.push(`${accepted.command} ${accepted.id}: ${count} in the store`);
    }
    expect(once).toEqual([]);

    // Every read-model document is the fold of its stream's events (nothing applied twice or skipped), and the
    // derived read models equal a clean rebuild from the topics.
    const unequal: string[] = [];
    const overAllocated: string[] = [];
    for (const [streamId, events] of streams) {
      const streamType = events[0].streamType as keyof typeof views;
      const view = views[streamType];
      if (!view) continue;
      const expected = events.reduce((doc, e) => (view.evolve as Evolve)(doc as never, e), null as unknown);
      const actual = await liveDocument(view.set, streamId.slice(streamType.length + 1));
      const [got, folded] = [JSON.stringify(canonical(actual)), JSON.stringify(canonical(expected))];
      if (got !== folded)
        unequal.push(unequal.length < 2 ? `${streamId}: read model ${got}, fold ${folded}` : streamId);
      const totals = actual as { quantity?: { amount: string }; allocated?: { amount: string } } | null;
      if (totals?.quantity && totals.allocated && Number(totals.allocated.amount) > Number(totals.quantity.amount)) {
        overAllocated.push(streamId);
      }
    }
    expect(unequal).toEqual([]);
    expect(overAllocated).toEqual([]);
    expect(await dumpAll(db)).toEqual(await cleanRebuild());

    const lost = 0; // asserted above: nothing accepted is missing from the store, Kafka or the read models
    console.log(
      `[faults] ${load.accepted.length} commands accepted, ${load.outcomes.length} answers, ` +
        `${load.refused().length} refused (503 or connection), events lost ${lost}, duplicated 0`,
    );
  }, 900_000);

  async function storedStreams(): Promise<Map<string, EventEnvelope[]>> {
    const store = storeFor(db);
    const streams = new Map<string, EventEnvelope[]>();
    for await (const head of eventStoreCollections(db).heads.find({}, { projection: { _id: 1 } })) {
      streams.set(head._id, (await store.readStream(head._id)).events);
    }
    return streams;
  }

  async function liveDocument(set: ProjectionSetName, id: string): Promise<unknown> {
    const alias = await liveAlias(db, set);
    return db.collection(collectionNameOf(set as never, alias.generation)).findOne({ _id: id as never });
  }

  /** Streams whose read-model document has not reached the stream's version yet (one query per read model). */
  async function lagging(streams: Map<string, EventEnvelope[]>): Promise<string[]> {
    const applied = new Map<string, number>();
    for (const [streamType, view] of Object.entries(views)) {
      const alias = await liveAlias(db, view.set);
      const docs = db
        .collection(collectionNameOf(view.set as never, alias.generation))
        .find({}, { projection: { version: 1 } });
      for await (const doc of docs) applied.set(`${streamType}-${String(doc._id)}`, doc.version as number);
    }
    return [...streams]
      .filter(([, events]) => events[0].streamType in views)
      .filter(([streamId, events]) => (applied.get(streamId) ?? 0) < events.length)
      .map(([streamId, events]) => `${streamId} at ${applied.get(streamId) ?? 0} of ${events.length}`);
  }

  async function cleanRebuild(): Promise<string> {
    const results = await Promise.all(
      projectionSetNames.map((set) =>
        rebuildProjectionSet(db, kafka, set, { topicPrefix: 'faults.', switchOver: false, timeoutMs: 180_000 }),
      ),
    );
    const dumps = await Promise.all(results.map((result) => dumpGeneration(db, result.set, result.generation)));
    return dumps.join('\n');
  }
});

/** Keys sorted; `undefined` as `null`, as the driver stores it. */
function canonical(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function reportTable(reports: FaultReport[]): string {
  const rows = reports.map(
    (r) => `| ${r.fault} | ${r.answered} | ${r.refused} | ${r.failed} | ${r.recoverySeconds.toFixed(1)} s |`,
  );
  return [
    '[faults] | fault | answers during fault and recovery | refused (503 or connection) | 5xx other than 503 | time to recover end to end |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
