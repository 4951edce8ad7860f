import { Db, MongoClient } from 'mongodb';
import { article7Figures } from '../../bench/reports/article7-figures';
import { testMongo, uniqueName } from '../support/servers';

describe('Article 7 report on the real database server (FerretDB)', () => {
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    mongo = await testMongo();
    db = mongo.db(uniqueName('article7'));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await mongo?.close();
  });

  it('reads a year of a participant with 20,000 records in other years in a bounded heap, to the same report', async () => {
    const figures = await article7Figures(db, 10_000);

    expect(figures.records).toBe(20_020);
    // 10 pledges, and 10 allocations either way with a delivery each, one of them to itself (listed on both sides).
    expect(figures.rows).toBe(32);
    expect(figures.sameReport).toBe(true);
    expect(figures.sameCsv).toBe(true);
    // Loading every record took ~40 MB (measured: 39.4 MB); the cursors hold a batch of 500 documents at a time.
    expect(figures.wholeMB).toBeGreaterThan(20);
    expect(figures.streamedMB).toBeLessThan(8);
  });
});
