/**
 * Writes the whole event store (every stream's commits with their hash chain) as NDJSON, streamed:
 *
 *   npm run backup                          # backups/<database>-<time>.ndjson.gz
 *   npm run backup -- path/to/file.ndjson   # plain NDJSON (".gz" compresses)
 *
 * Keep the SHA-256 it prints beside the file: `npm run restore -- <file> --expect-sha256 <digest>` then also refuses a
 * file whose events were edited and re-sealed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { backupEventStore } from '@cm/event-store';
import { loadConfig } from '@cm/platform';
import { lineWriter, throttledLog } from './backup-io';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 0);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = process.argv[2] ?? join('backups', `${config.MONGODB_DATABASE}-${stamp}.ndjson.gz`);
  mkdirSync(dirname(path), { recursive: true });
  const mongo = await new MongoClient(config.MONGODB_URI, { retryWrites: false }).connect();
  const out = lineWriter(path);
  const progress = throttledLog();
  try {
    console.error(`backing up the event store of ${config.MONGODB_DATABASE} to ${path}…`);
    const trailer = await backupEventStore(mongo.db(config.MONGODB_DATABASE), (line) => out.write(line), {
      onProgress: (p) => progress(`  ${p.streams} streams, ${p.commits} commits, ${p.events} events`),
    });
    await out.close();
    console.error(`done: ${trailer.streams} streams, ${trailer.commits} commits, ${trailer.events} events`);
    console.log(JSON.stringify({ file: path, ...trailer }));
  } finally {
    await mongo.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`backup failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
