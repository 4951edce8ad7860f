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
});
