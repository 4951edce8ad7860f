import { Db, MongoClient, MongoServerError } from 'mongodb';
import { testMongo, uniqueName } from '../support/servers';

describe('the local MongoDB-wire server (FerretDB) through the mongodb driver', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = await testMongo();
    db = client.db(uniqueName('smoke'));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('answers ping', async () => {
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('inserts a document and reads it back by _id', async () => {
    const needs = db.collection<{ _id: string; title: string; amount: string }>('needs');
    await needs.insertOne({ _id: 'need-1', title: 'Survey of Xieng Khouang', amount: '125000.00' });
    expect(await needs.findOne({ _id: 'need-1' })).toEqual({
      _id: 'need-1',
      title: 'Survey of Xieng Khouang',
      amount: '125000.00',
    });
  });

  it('rejects a duplicate of a unique index with error 11000', async () => {
    const commands = db.collection<{ _id: string; commandId: string }>('commands');
    await commands.createIndex({ commandId: 1 }, { unique: true });
    await commands.insertOne({ _id: 'a', commandId: 'cmd-1' });
    const duplicate = await commands.insertOne({ _id: 'b', commandId: 'cmd-1' }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(MongoServerError);
    expect((duplicate as MongoServerError).code).toBe(11000);
  });

  // Several projector instances write entries of one shared read-model cell, and the relay lease is a
  // compare-and-set: both need MongoDB's per-document atomicity (deploy/local/ferretdb/patches/sqlite-atomic-*.sed).
  it('applies concurrent updates of one document atomically, from several connections', async () => {
    const others = await Promise.all([testMongo(), testMongo()]);
    const cells = [client, ...others].map((c) => c.db(db.databaseName).collection<{ _id: string }>('cells'));
    await cells[0].insertOne({ _id: 'cell', rev: 0, entries: {} } as never);
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        cells[i % 3].updateOne({ _id: 'cell' }, { $set: { [`entries.e${i}`]: i } } as never),
      ),
    );
    const winners = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const result = await cells[i % 3].updateOne({ _id: 'cell', rev: 0 } as never, { $inc: { rev: 1 } } as never);
        return result.modifiedCount;
      }),
    );
    const cell = (await cells[0].findOne({ _id: 'cell' })) as unknown as { rev: number; entries: object };
    await Promise.all(others.map((c) => c.close()));
    expect(Object.keys(cell.entries)).toHaveLength(120);
    expect(winners.filter((won) => won === 1)).toHaveLength(1);
    expect(cell.rev).toBe(1);
  });

  it('never deletes a document an update changed after the delete filter was read (the outbox marker race)', async () => {
    const other = await testMongo();
    const markers = db.collection<{ _id: string; touchedAt: number }>('markers');
    const relay = other.db(db.databaseName).collection<{ _id: string; touchedAt: number }>('markers');
    const ids = Array.from({ length: 300 }, (_, i) => `stream-${i}`);
    await markers.insertMany(ids.map((_id) => ({ _id, touchedAt: 1 })));
    // An append marks the stream again while the relay drops the marker it saw: whichever runs first, the marker
    // written by the append must survive (deleted first, the upsert writes it anew).
    await Promise.all(
      ids.flatMap((_id) => [
        markers.updateOne({ _id }, { $set: { touchedAt: 2 } }, { upsert: true }),
        relay.deleteOne({ _id, touchedAt: 1 }),
      ]),
    );
    const left = await markers.find({}).toArray();
    await other.close();
    expect(left.filter((marker) => marker.touchedAt === 2)).toHaveLength(300);
  });
});
