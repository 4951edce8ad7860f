/**
 * Loads a backup written by `npm run backup` into an empty database (MONGODB_DATABASE), after checking every event's
 * hash and link, the versions and the file's digest; a file that fails any check is refused and nothing is written.
 *
 *   npm run restore -- <file> [--expect-sha256 <digest>] [--already-in-kafka]
 *
 * By default every stream is marked for the relay, which publishes the history to the configured Kafka topics; then
 * the projector (or `npm run projections:rebuild`) builds the read models. `--already-in-kafka` is for a database-only
 * loss, where the topics still hold every event. A restore that was interrupted resumes when run again.
 */
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { BackupRefusedError, restoreEventStore } from '@cm/event-store';
import { loadConfig } from '@cm/platform';
import { lineReader, throttledLog } from './backup-io';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'expect-sha256': { type: 'string' }, 'already-in-kafka': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    console.error('usage: npm run restore -- <file> [--expect-sha256 <digest>] [--already-in-kafka]');
    return 64;
  }
  const config = loadConfig(process.env, 0);
  const mongo = await new MongoClient(config.MONGODB_URI, { retryWrites: false }).connect();
  const progress = throttledLog();
  try {
    console.error(`verifying ${positionals[0]}, then restoring into ${config.MONGODB_DATABASE}…`);
    const { trailer } = await restoreEventStore(mongo.db(config.MONGODB_DATABASE), lineReader(positionals[0]), {
      expectSha256: values['expect-sha256'],
      alreadyInKafka: values['already-in-kafka'],
      onProgress: (p) => progress(`  ${p.commits}/${p.of.commits} commits, ${p.events}/${p.of.events} events`),
    });
    console.error(
      `restored ${trailer.streams} streams, ${trailer.commits} commits, ${trailer.events} events` +
        (values['already-in-kafka'] ? '' : '; the relay publishes them to Kafka when it runs'),
    );
    console.log(JSON.stringify(trailer));
    return 0;
  } catch (error) {
    console.error(`restore refused: ${(error as Error).message}`);
    return error instanceof BackupRefusedError ? 65 : 1;
  } finally {
    await mongo.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`restore failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
