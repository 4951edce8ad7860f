import { Kafka } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import type { MongoEventStore } from '@cm/event-store';
import {
  collectionNameOf,
  dumpGeneration,
  liveAlias,
  projectionSetNames,
  rebuildProjectionSet,
  type NeedView,
} from '@cm/read-models';
import { storeFor } from '../support/event-log';
import { freePort } from '../support/ports';
import { RunningProcess, startApp, waitFor } from '../support/processes';
import { kafkaBrokers, mongodbUri, testKafka, testMongo, uniqueName } from '../support/servers';
import { dumpAll, ExpectedVersions, seedStories, waitForProjections } from '../support/projection-scenarios';

const database = uniqueName('projrecovery');
const topicPrefix = `${database}.`;

/** A clean rebuild of the whole log into fresh collections (no switch-over), dumped like dumpAll. */
async function cleanRebuildDump(db: Db, kafka: Kafka): Promise<string> {
  const results = await Promise.all(
    projectionSetNames.map((set) =>
      rebuildProjectionSet(db, kafka, set, { topicPrefix, switchOver: false, timeoutMs: 120_000 }),
    ),
  );
  const dumps = await Promise.all(results.map((result) => dumpGeneration(db, result.set, result.generation)));
  return dumps.join('\n');
}

describe('projections survive a crash and a rebuild under load (real Kafka, FerretDB)', () => {
  let mongo: MongoClient;
  let db: Db;
  let store: MongoEventStore;
  let kafka: Kafka;
  let relay: RunningProcess;
  let projector: RunningProcess | undefined;
  const expected: ExpectedVersions = new Map();
  const env = async () => ({
    PORT: String(await freePort()),
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
  });

  beforeAll(async () => {
    mongo = await testMongo();
    db = mongo.db(database);
    store = storeFor(db);
    kafka = testKafka();
    relay = startApp('relay', await env());
  });

  afterAll(async () => {
    await projector?.stop('SIGKILL');
    await relay?.stop('SIGKILL');
    await db?.dropDatabase().catch(() => undefined);
    await mongo?.close();
  });

  it('SIGKILL in the middle of ~2,000 events, restart: equal to a clean rebuild, nothing double-counted', async () => {
    projector = startApp('projector', await env());
    const seeded = seedStories(store, 0, 182, expected);
    // Kill once the projector is well under way but (with ~2,000 events) surely not done.
    await waitFor(
      async () => {
        const alias = await liveAlias(db, 'allocations');
        const count = await db.collection(collectionNameOf('allocations', alias.generation)).countDocuments();
        return count >= 30 ? true : undefined;
      },
      'the projector to be under way',
      120_000,
      () => projector!.output(),
    );
    await projector.stop('SIGKILL');
    const events = await seeded;
    expect(events).toBeGreaterThanOrEqual(2_000);
    projector = startApp('projector', await env());
    await waitForProjections(db, expected);

    const live = await dumpAll(db);
    expect(live).toEqual(await cleanRebuildDump(db, kafka));

    const needs = await db
      .collection<NeedView>(collectionNameOf('needs', (await liveAlias(db, 'needs')).generation))
      .find({})
      .toArray();
    expect(needs).toHaveLength(182);
    for (const need of needs) {
      expect([need.allocated.amount, need.delivered.amount, need.remaining.amount]).toEqual([
        '60.00',
        '60.00',
        '40.00',
      ]);
    }
    const coverage = await db
      .collection(collectionNameOf('coverage', (await liveAlias(db, 'needs')).generation))
      .find({})
      .toArray();
    expect(coverage.reduce((sum, cell) => sum + Object.keys(cell.contributions as object).length, 0)).toBe(182);
  });

  it('a rebuild while commands keep arriving ends equal to a fresh rebuild of the final log', async () => {
    const before = await Promise.all(projectionSetNames.map((set) => liveAlias(db, set)));
    const arriving = seedStories(store, 1_000, 60, expected);
    const rebuilt = await Promise.all(
      projectionSetNames.map((set) => rebuildProjectionSet(db, kafka, set, { topicPrefix, timeoutMs: 120_000 })),
    );
    await arriving;
    const after = await Promise.all(projectionSetNames.map((set) => liveAlias(db, set)));
    expect(after.map((alias) => alias.generation)).toEqual(rebuilt.map((result) => result.generation));
    expect(after.map((alias) => alias.generation)).not.toEqual(before.map((alias) => alias.generation));

    await waitForProjections(db, expected);
    const live = await dumpAll(db);
    expect(live).toEqual(await cleanRebuildDump(db, kafka));
    expect(live).toContain('"version":3'); // sanity: documents, not empty dumps
  });
});
