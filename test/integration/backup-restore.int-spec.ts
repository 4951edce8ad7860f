import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, MongoClient } from 'mongodb';
import { backupEventStore, eventStoreCollections, restoreEventStore, type BackupLine } from '@cm/event-store';
import { storeFor } from '../support/event-log';
import { freePort } from '../support/ports';
import { RunningProcess, startApp } from '../support/processes';
import { kafkaBrokers, mongodbUri, testMongo, uniqueName } from '../support/servers';
import { dumpAll, ExpectedVersions, seedStories, waitForProjections } from '../support/projection-scenarios';

const root = join(__dirname, '..', '..');

/** Runs `scripts/<name>.ts` as `npm run <name>` does (the infra is already up). */
async function runScript(name: 'backup' | 'restore', args: string[], database: string) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'scripts', `${name}.ts`), ...args], {
    cwd: root,
    env: { ...process.env, MONGODB_URI: mongodbUri, MONGODB_DATABASE: database },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

describe('npm run backup / npm run restore (real FerretDB and Kafka)', () => {
  const original = uniqueName('backup_src');
  const restored = uniqueName('backup_dst');
  const refused = uniqueName('backup_bad');
  const dir = mkdtempSync(join(tmpdir(), 'cm-backup-'));
  const file = join(dir, 'store.ndjson');
  const processes: RunningProcess[] = [];
  const expected: ExpectedVersions = new Map();
  let mongo: MongoClient;
  const dbOf = (name: string): Db => mongo.db(name);

  const startPipeline = async (database: string) => {
    for (const app of ['relay', 'projector'] as const) {
      processes.push(
        startApp(app, {
          PORT: String(await freePort()),
          MONGODB_URI: mongodbUri,
          MONGODB_DATABASE: database,
          KAFKA_BROKERS: kafkaBrokers.join(','),
          KAFKA_TOPIC_PREFIX: `${database}.`,
        }),
      );
    }
  };

  beforeAll(async () => {
    mongo = await testMongo();
    await seedStories(storeFor(dbOf(original)), 0, 24, expected);
    await startPipeline(original);
    await waitForProjections(dbOf(original), expected);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    for (const name of [original, restored, refused])
      await dbOf(name)
        ?.dropDatabase()
        .catch(() => undefined);
    await mongo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips: restored into an empty database and republished, the rebuilt read models equal the original', async () => {
    const backup = await runScript('backup', [file], original);
    expect(backup).toMatchObject({ code: 0 });
    const summary = JSON.parse(backup.stdout) as { streams: number; events: number; sha256: string };
    expect(summary).toMatchObject({ streams: expected.size, events: 24 * 11 });

    const restore = await runScript('restore', [file, '--expect-sha256', summary.sha256], restored);
    expect(restore.stderr).toContain(`restored ${expected.size} streams`);
    expect(restore.code).toBe(0);
    const commits = eventStoreCollections(dbOf(original)).commits;
    expect(await eventStoreCollections(dbOf(restored)).commits.countDocuments()).toBe(await commits.countDocuments());

    await startPipeline(restored); // its own topics: as after losing Kafka too
    await waitForProjections(dbOf(restored), expected);
    expect(await dumpAll(dbOf(restored))).toEqual(await dumpAll(dbOf(original)));
    const store = storeFor(dbOf(restored));
    for (const streamId of [...expected.keys()].slice(0, 5)) {
      expect(await store.verifyStream(streamId)).toMatchObject({ ok: true, eventsChecked: expected.get(streamId) });
    }
  }, 240_000);

  it('refuses into a database that already holds events', async () => {
    const again = await runScript('restore', [file], restored);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already holds events');
  }, 60_000);

  it('refuses a tampered file, names the event, and writes nothing', async () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const index = lines.findIndex((line) => line.includes('"DeliveryConfirmed"'));
    const line = JSON.parse(lines[index]) as BackupLine & {
      commit: { events: { eventId: string; data: { amount: { amount: string } } }[] };
    };
    const event = line.commit.events[0];
    event.data.amount.amount = '600.00';
    lines[index] = JSON.stringify(line);
    const tampered = join(dir, 'tampered.ndjson');
    writeFileSync(tampered, `${lines.join('\n')}\n`);

    const restore = await runScript('restore', [tampered], refused);
    expect(restore.code).toBe(65);
    expect(restore.stderr).toContain(`event ${event.eventId}`);
    expect(restore.stderr).toContain('content does not match its hash');
    expect(await eventStoreCollections(dbOf(refused)).commits.countDocuments()).toBe(0);
  }, 60_000);

  it('refuses a file cut short', async () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const cut = join(dir, 'cut.ndjson');
    writeFileSync(cut, `${lines.slice(0, -1).join('\n')}\n`);
    const restore = await runScript('restore', [cut], refused);
    expect(restore.code).toBe(65);
    expect(restore.stderr).toContain('cut short');
    expect(await eventStoreCollections(dbOf(refused)).commits.countDocuments()).toBe(0);
  }, 60_000);
});

describe('restoreEventStore after an interruption (real FerretDB)', () => {
  const source = uniqueName('resume_src');
  const target = uniqueName('resume_dst');
  let mongo: MongoClient;

  beforeAll(async () => {
    mongo = await testMongo();
  });

  afterAll(async () => {
    for (const name of [source, target])
      await mongo
        .db(name)
        .dropDatabase()
        .catch(() => undefined);
    await mongo?.close();
  });

  it('resumes with the same file and ends with every commit once and every head complete', async () => {
    const expected: ExpectedVersions = new Map();
    await seedStories(storeFor(mongo.db(source)), 0, 12, expected);
    const lines: string[] = [];
    await backupEventStore(mongo.db(source), async (line) => void lines.push(line));
    let opened = 0;
    const interruptedOnce = () =>
      (async function* () {
        opened += 1;
        for (const [index, line] of lines.entries()) {
          if (opened === 2 && index === 40) throw new Error('killed half way');
          yield line;
        }
      })();
    const small = { batchSize: 7 };
    await expect(restoreEventStore(mongo.db(target), interruptedOnce, small)).rejects.toThrow('killed half way');
    const partial = await eventStoreCollections(mongo.db(target)).commits.countDocuments();
    expect(partial).toBeGreaterThan(0);

    await restoreEventStore(mongo.db(target), interruptedOnce, small);
    const commits = eventStoreCollections(mongo.db(target)).commits;
    expect(await commits.countDocuments()).toBe(lines.length - 2);
    const restored = storeFor(mongo.db(target));
    for (const [streamId, version] of expected) {
      expect(await restored.verifyStream(streamId)).toEqual({ streamId, ok: true, eventsChecked: version });
      const head = await eventStoreCollections(mongo.db(target)).heads.findOne({ _id: streamId });
      expect(head?.version).toBe(version);
    }
    await expect(restoreEventStore(mongo.db(target), () => interruptedOnce(), small)).rejects.toThrow(
      'already holds events',
    );
  }, 120_000);
});
