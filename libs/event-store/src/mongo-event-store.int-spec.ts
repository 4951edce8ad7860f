import { Db, MongoClient } from 'mongodb';
import { testMongo, uniqueName } from '../../../test/support/servers';
import { commitId, eventStoreCollections } from './collections';
import { MongoEventStore } from './mongo-event-store';
import { contractMetadata as metadata, contractRegistry } from './testing/contract-fixtures';
import { eventStoreContract } from './testing/event-store-contract';

describe('MongoEventStore on the real server', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoEventStore;

  beforeAll(async () => {
    client = await testMongo();
    db = client.db(uniqueName('store'));
    store = new MongoEventStore(db, contractRegistry());
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  describe('the event store contract', () => {
    eventStoreContract((registry, options) => ({
      store: new MongoEventStore(db, registry, options),
      // Someone with database access edits the commit document that holds the version.
      async rewrite(streamId, version, change) {
        const { commits } = eventStoreCollections(db);
        for (let start = version; start >= 1; start--) {
          const commit = await commits.findOne({ _id: commitId(streamId, start) });
          if (!commit) continue;
          commit.events[version - start] = change(commit.events[version - start]);
          await commits.replaceOne({ _id: commit._id }, commit);
          return;
        }
        throw new Error(`stream ${streamId} has no version ${version}`);
      },
    }));
  });

  it('finds commits the head lost in a crash and keeps appending after them', async () => {
    await store.append('need-crash', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('k1'));
    await store.append('need-crash', 'need', 1, [{ type: 'NeedRevised', data: {} }], metadata('k2'));
    await eventStoreCollections(db).heads.deleteOne({ _id: 'need-crash' });
    expect((await store.readStream('need-crash')).version).toBe(2);
    const next = await store.append('need-crash', 'need', 2, [{ type: 'NeedRevised', data: {} }], metadata('k3'));
    expect(next.version).toBe(3);
    expect((await store.verifyStream('need-crash')).ok).toBe(true);
  });

  it('marks every appended stream for publication without scanning events', async () => {
    await store.append('need-out', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('out1'));
    expect(await eventStoreCollections(db).outbox.findOne({ _id: 'need-out' })).toMatchObject({ streamType: 'need' });
  });
});
