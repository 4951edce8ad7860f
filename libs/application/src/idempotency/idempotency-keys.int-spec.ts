import { Db, MongoClient } from 'mongodb';
import { testMongo, uniqueName } from '../../../../test/support/servers';
import { IdempotencyRecord, MongoIdempotencyKeys } from './idempotency-keys';

const recordOf = (id: string): IdempotencyRecord => ({
  _id: id,
  requestHash: 'hash-1',
  state: 'in_progress',
  createdAt: new Date('2026-01-01T00:00:00Z'),
});

describe('Idempotency-Key records on the real server', () => {
  let client: MongoClient;
  let db: Db;
  let keys: MongoIdempotencyKeys;

  beforeAll(async () => {
    client = await testMongo();
    db = client.db(uniqueName('idempotency_keys'));
    keys = new MongoIdempotencyKeys(db);
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('keeps an answer that names a field the caller sent with NUL characters, and replays it as it was', async () => {
    // A refusal names the unknown key it was sent; PostgreSQL's jsonb under FerretDB refuses U+0000 in a string.
    const body = {
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'id\u0000', message: 'property id\u0000 should not exist' }],
      nested: { amount: 1.005, none: null, list: ['\u0000', 'é́'] },
    };
    await keys.claim(recordOf('nul-answer'));
    await keys.complete('nul-answer', { status: 400, body, contentType: 'application/problem+json' });

    const replayed = await keys.claim(recordOf('nul-answer'));
    expect(replayed).toEqual({
      claimed: false,
      record: {
        ...recordOf('nul-answer'),
        state: 'completed',
        status: 400,
        body,
        contentType: 'application/problem+json',
      },
    });
  });

  it('claims a key once: a second claim returns the first record', async () => {
    expect(await keys.claim(recordOf('once'))).toEqual({ claimed: true, record: recordOf('once') });
    expect(await keys.claim({ ...recordOf('once'), requestHash: 'hash-2' })).toEqual({
      claimed: false,
      record: recordOf('once'),
    });
  });

  it('frees a released key', async () => {
    await keys.claim(recordOf('released'));
    await keys.release('released');
    expect(await keys.claim({ ...recordOf('released'), requestHash: 'hash-2' })).toEqual({
      claimed: true,
      record: { ...recordOf('released'), requestHash: 'hash-2' },
    });
  });
});
