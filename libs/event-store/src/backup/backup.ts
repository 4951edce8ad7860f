import type { Db } from 'mongodb';
import { eventStoreCollections } from '../collections';
import { StreamHeads } from '../stream-heads';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupLine,
  type BackupTrailer,
  commitLine,
  LineDigest,
} from './backup-format';

export interface BackupProgress {
  streams: number;
  commits: number;
  events: number;
}

export interface BackupOptions {
  /** Streams read at once (each read is one head lookup and its commits fetched in parallel). */
  concurrency?: number;
  onProgress?: (progress: BackupProgress) => void;
  clock?: () => Date;
}

/**
 * Writes every stream of the store, each as it stands when it is read (a stream is always a whole prefix of its
 * history; streams appended to during the run may include the newer commits). Memory holds one batch of streams and
 * the set of stream ids seen, which finds streams whose head document a crash never wrote.
 */
export async function backupEventStore(
  db: Db,
  write: (line: string) => Promise<void>,
  options: BackupOptions = {},
): Promise<BackupTrailer> {
  const collections = eventStoreCollections(db);
  const heads = new StreamHeads(collections);
  const digest = new LineDigest();
  const progress: BackupProgress = { streams: 0, commits: 0, events: 0 };
  const seen = new Set<string>();
  const emit = async (line: BackupLine) => {
    const text = JSON.stringify(line);
    digest.add(text);
    await write(text);
  };
  const backUpStreams = async (streamIds: string[]) => {
    const read = await Promise.all(streamIds.map((streamId) => heads.readCommits(streamId)));
    for (const { commits } of read) {
      if (commits.length === 0) continue;
      for (const commit of commits) {
        await emit(commitLine(commit));
        progress.commits += 1;
        progress.events += commit.events.length;
      }
      progress.streams += 1;
    }
    options.onProgress?.({ ...progress });
  };

  await emit({
    header: {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (options.clock?.() ?? new Date()).toISOString(),
      database: db.databaseName,
    },
  });
  const batchSize = options.concurrency ?? 32;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length > 0) await backUpStreams(batch);
    batch = [];
  };
  for await (const head of collections.heads.find({}, { projection: { _id: 1 } })) {
    seen.add(head._id);
    batch.push(head._id);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  // A stream whose first append crashed between its commit and its head has no head document yet.
  for await (const first of collections.commits.find({ start: 1 }, { projection: { streamId: 1 } })) {
    if (seen.has(first.streamId)) continue;
    seen.add(first.streamId);
    batch.push(first.streamId);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  const trailer: BackupTrailer = { ...progress, sha256: digest.hex() };
  await write(JSON.stringify({ end: trailer } satisfies BackupLine));
  return trailer;
}
