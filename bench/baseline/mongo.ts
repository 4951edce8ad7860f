/**
 * Raw `mongodb` driver figures on the local database server (FerretDB 1.24 on SQLite): single and concurrent
 * insertOne, insertMany batches, and findOne({ _id }) at two collection sizes.
 */
import { BSON, Collection, Db, MongoClient, ObjectId } from 'mongodb';
import { BaselineKey, Log, measure, Measurement, Step } from './measure';

export interface MongoBaselineOptions {
  uri: string;
  database: string;
  /** Approximate BSON size of each document. */
  docBytes: number;
  concurrency: number;
  batchSize: number;
  /** Documents in the collection read by _id. */
  readDocs: number;
  /** Documents in the second, larger collection read by _id (0 skips it): shows how reads scale with size. */
  largeReadDocs: number;
  maxSeconds: number;
  warmupSeconds: number;
  log: Log;
}

interface BenchDocument {
  _id: ObjectId;
  stream: string;
  seq: number;
  type: string;
  recordedAt: Date;
  payload: { text: string };
}

export interface MongoBaselineResult {
  measurements: Measurement[];
  /** The server's reported MongoDB-compatible version (FerretDB 1.24 reports 7.0.42). */
  serverVersion: string;
  docBytes: number;
}

export async function measureMongo(options: MongoBaselineOptions): Promise<MongoBaselineResult> {
  const { log } = options;
  const client = new MongoClient(options.uri, {
    appName: 'cm-article6-bench-baseline',
    serverSelectionTimeoutMS: 5_000,
    // As in the apps (libs/platform MongoDbModule): FerretDB 1.24 offers no retryable writes worth relying on.
    retryWrites: false,
  });
  const db = client.db(options.database);
  try {
    await client.connect();
    const buildInfo = await db.admin().buildInfo();
    const makeDocument = documentFactory(options.docBytes);
    const docBytes = BSON.calculateObjectSize(makeDocument(0));
    log(
      `MongoDB ${options.uri} database ${options.database}: ${docBytes}-byte documents (server ${buildInfo.version})`,
    );
    const measurements: Measurement[] = [];
    const step = (key: BaselineKey, operation: string, maxOps: number, extra: Partial<Step> = {}): Step => ({
      key,
      operation,
      maxOps,
      maxSeconds: options.maxSeconds,
      warmupOps: Math.max(20, Math.round(maxOps / 20)),
      warmupSeconds: options.warmupSeconds,
      ...extra,
    });
    const c = options.concurrency;

    const single = db.collection<BenchDocument>('insert_one');
    measurements.push(
      await measure(
        (i) => single.insertOne(makeDocument(i)),
        step('mongo.insertOne', 'mongo insertOne ×1 (docs)', 8_000),
        log,
      ),
    );

    const concurrent = db.collection<BenchDocument>('insert_one_concurrent');
    measurements.push(
      await measure(
        (i) => concurrent.insertOne(makeDocument(i)),
        step('mongo.insertOne.concurrent', `mongo insertOne ×${c} concurrent (docs)`, 10_000, { concurrency: c }),
        log,
      ),
    );

    const many = db.collection<BenchDocument>('insert_many');
    const batch = options.batchSize;
    measurements.push(
      await measure(
        (i) => many.insertMany(Array.from({ length: batch }, (_, j) => makeDocument(i * batch + j))),
        step('mongo.insertMany', `mongo insertMany ${batch}/batch ×1 (docs)`, 600, {
          unitsPerOp: batch,
          warmupOps: 5,
        }),
        log,
      ),
    );

    const reads: [number, BaselineKey, BaselineKey][] = [
      [options.readDocs, 'mongo.findById', 'mongo.findById.concurrent'],
      [options.largeReadDocs, 'mongo.findById.large', 'mongo.findById.large.concurrent'],
    ];
    for (const [size, key, concurrentKey] of reads) {
      if (size <= 0) continue;
      const { collection, ids } = await fillReadCollection(db, `read_${size}`, size, batch, makeDocument, log);
      const read = readById(collection, ids);
      const label = `${size.toLocaleString('en-US')} docs`;
      const note = await explainFindById(db, collection.collectionName, ids[0]);
      log(`  ${collection.collectionName}: ${note}`);
      measurements.push(
        await measure(read, step(key, `mongo findOne({_id}) ×1, ${label} (reads)`, 5_000, { note }), log),
      );
      measurements.push(
        await measure(
          read,
          step(concurrentKey, `mongo findOne({_id}) ×${c} concurrent, ${label} (reads)`, 10_000, {
            concurrency: c,
            note,
          }),
          log,
        ),
      );
    }
    return { measurements, serverVersion: buildInfo.version, docBytes };
  } finally {
    await db.dropDatabase().catch((error: unknown) => log(`could not drop database ${options.database}: ${error}`));
    await client.close();
    log(`MongoDB: dropped database ${options.database}, client closed`);
  }
}

/** Documents of about `bytes` BSON bytes, shaped like an event: stream id, sequence, type, time, payload. */
function documentFactory(bytes: number): (seq: number) => BenchDocument {
  const shape = (seq: number, text: string): BenchDocument => ({
    _id: new ObjectId(),
    stream: `stream-${String(seq % 64).padStart(4, '0')}`,
    seq,
    type: 'BaselineDocumentRecorded',
    recordedAt: new Date(),
    payload: { text },
  });
  const overhead = BSON.calculateObjectSize(shape(0, ''));
  const text = 'x'.repeat(Math.max(0, bytes - overhead));
  return (seq) => shape(seq, text);
}

async function fillReadCollection(
  db: Db,
  name: string,
  size: number,
  batch: number,
  makeDocument: (seq: number) => BenchDocument,
  log: Log,
): Promise<{ collection: Collection<BenchDocument>; ids: ObjectId[] }> {
  const collection = db.collection<BenchDocument>(name);
  const ids: ObjectId[] = [];
  log(`  filling ${name} with ${size} documents (insertMany, untimed)…`);
  for (let seq = 0; seq < size; seq += batch) {
    const documents = Array.from({ length: Math.min(batch, size - seq) }, (_, j) => makeDocument(seq + j));
    await collection.insertMany(documents);
    for (const document of documents) ids.push(document._id);
  }
  return { collection, ids };
}

/** findOne with a filter of exactly { _id }, the only filter FerretDB's SQLite backend pushes down to SQL. */
function readById(collection: Collection<BenchDocument>, ids: ObjectId[]): (index: number) => Promise<void> {
  return async (index) => {
    // A fixed stride through the ids so that reads spread over the whole collection.
    const _id = ids[(index * 7_919) % ids.length];
    const found = await collection.findOne({ _id });
    if (found === null) throw new Error(`document ${_id.toHexString()} not found in ${collection.collectionName}`);
  };
}

/**
 * What the server says it does for findOne({ _id }). FerretDB 1.24 on SQLite reports filterPushdown and the SQLite
 * plan; a plan of "SCAN <table>" (not "SEARCH … USING INDEX") means every read walks the whole collection.
 */
async function explainFindById(db: Db, collection: string, _id: ObjectId): Promise<string> {
  try {
    const explained = await db.command({ explain: { find: collection, filter: { _id }, limit: 1, singleBatch: true } });
    const planner = explained.queryPlanner as { Plan?: unknown; winningPlan?: { stage?: unknown } } | undefined;
    const plan = Array.isArray(planner?.Plan)
      ? planner.Plan.map((step) => String(step).replace(/^.*detail=/, '')).join('; ')
      : String(planner?.winningPlan?.stage ?? 'unknown');
    const pushdown = explained.filterPushdown === undefined ? '' : `filterPushdown=${explained.filterPushdown}, `;
    return `explain: ${pushdown}plan ${plan}`;
  } catch (error) {
    return `explain failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
