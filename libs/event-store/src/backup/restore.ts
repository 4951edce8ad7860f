import type { Db } from 'mongodb';
import { MongoBulkWriteError } from 'mongodb';
import { type CommitSummary, eventStoreCollections, type StreamHeadDocument } from '../collections';
import { markAllForPublication, recordPublished } from '../outbox/markers';
import { type BackupCommit, type BackupLine, type BackupTrailer, storedCommit } from './backup-format';
import { type BackupSource, type VerifiedBackup, verifyBackup } from './verify-backup';

export interface RestoreOptions {
  expectSha256?: string;
  /**
   * The Kafka topics still hold every event (a database-only loss): record them as published. By default every
   * stream is marked for the relay, which publishes the whole history again to the configured topics.
   */
  alreadyInKafka?: boolean;
  batchSize?: number;
  onProgress?: (progress: { commits: number; events: number; of: BackupTrailer }) => void;
  clock?: () => Date;
}

const RESTORE_MARKER = 'event_restore';

/**
 * Loads a verified backup into a database that holds no events. A restore that stopped half way (the process was
 * killed) can be run again with the same file: it resumes, writing what is missing. Any other non-empty target is
 * refused.
 */
export async function restoreEventStore(
  db: Db,
  source: BackupSource,
  options: RestoreOptions = {},
): Promise<VerifiedBackup> {
  const collections = eventStoreCollections(db);
  const markers = db.collection<{ _id: string; sha256: string; startedAt: Date; completedAt?: Date }>(RESTORE_MARKER);
  const verified = await verifyBackup(source, options);
  const earlier = await markers.findOne({ _id: 'restore' });
  const resuming = earlier !== null && earlier.sha256 === verified.trailer.sha256 && !earlier.completedAt;
  if (!resuming && ((await collections.commits.findOne({})) || (await collections.heads.findOne({})))) {
    throw new Error(
      `database ${db.databaseName} already holds events${earlier ? ` (restored from ${earlier.sha256})` : ''}: ` +
        'restore only into an empty database',
    );
  }
  const now = options.clock ?? (() => new Date());
  if (!resuming) await markers.insertOne({ _id: 'restore', sha256: verified.trailer.sha256, startedAt: now() });

  const batchSize = options.batchSize ?? 200;
  const progress = { commits: 0, events: 0, of: verified.trailer };
  let commits: BackupCommit[] = [];
  const heads = new Map<string, StreamHeadDocument>();
  const flush = async () => {
    await insertCommits(db, commits.map(storedCommit), resuming);
    await writeHeads(db, [...heads.values()], options.alreadyInKafka ?? false, now());
    progress.commits += commits.length;
    progress.events += commits.reduce((sum, commit) => sum + commit.events.length, 0);
    options.onProgress?.({ ...progress });
    commits = [];
    heads.clear();
  };
  for await (const text of source()) {
    if (!text.includes('"commit"')) continue;
    const line = JSON.parse(text) as BackupLine;
    if (!('commit' in line)) continue;
    const commit = line.commit;
    commits.push(commit);
    const summary: CommitSummary = {
      start: commit.start,
      end: commit.end,
      commandId: commit.commandId,
      lastHash: commit.lastHash,
    };
    const head = heads.get(commit.streamId);
    if (head) {
      head.version = commit.end;
      head.commits.push(summary);
    } else {
      const earlierCommits = commit.start === 1 ? [] : await summariesBefore(db, commit.streamId, commit.start);
      heads.set(commit.streamId, {
        _id: commit.streamId,
        streamType: commit.streamType,
        version: commit.end,
        commits: [...earlierCommits, summary],
      });
    }
    if (commits.length >= batchSize) await flush();
  }
  await flush();
  await markers.updateOne({ _id: 'restore' }, { $set: { completedAt: now() } });
  return verified;
}

/** A stream split across two batches: the commits the earlier batch already wrote, as its head lists them. */
async function summariesBefore(db: Db, streamId: string, before: number): Promise<CommitSummary[]> {
  const head = await eventStoreCollections(db).heads.findOne({ _id: streamId });
  return (head?.commits ?? []).filter((summary) => summary.start < before);
}

async function insertCommits(db: Db, commits: ReturnType<typeof storedCommit>[], resuming: boolean): Promise<void> {
  if (commits.length === 0) return;
  try {
    await eventStoreCollections(db).commits.insertMany(commits, { ordered: false });
  } catch (error) {
    const duplicatesOnly =
      error instanceof MongoBulkWriteError &&
      (Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]).every((e) => e.code === 11000);
    if (!(resuming && duplicatesOnly)) throw error;
  }
}

async function writeHeads(db: Db, heads: StreamHeadDocument[], alreadyInKafka: boolean, now: Date): Promise<void> {
  if (heads.length === 0) return;
  const collections = eventStoreCollections(db);
  await collections.heads.bulkWrite(
    heads.map((head) => ({ replaceOne: { filter: { _id: head._id }, replacement: head, upsert: true } })),
    { ordered: false },
  );
  const streams = heads.map((head) => ({ streamId: head._id, streamType: head.streamType, version: head.version }));
  if (alreadyInKafka) await recordPublished(collections.publication, streams);
  else await markAllForPublication(collections.outbox, streams, now);
}
