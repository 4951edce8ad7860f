/**
 * The two FerretDB servers bench/backends.ts compares: the same binary (CM_FERRETDB_BIN, else the one
 * deploy/local/infra provision built) on SQLite and on a private PostgreSQL cluster, in a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { FerretDbBackend } from '../../test/support/database-server';
import { freePort } from '../../test/support/ports';
import { startFerretDb, waitFor } from '../../test/support/processes';

export interface BackendServer {
  backend: FerretDbBackend;
  uri: string;
  client: MongoClient;
  stop: () => Promise<void>;
}

function ferretDbBinary(): string {
  if (process.env.CM_FERRETDB_BIN) return process.env.CM_FERRETDB_BIN;
  const script = 'source deploy/local/lib.sh && ferretdb_binary';
  return execFileSync('bash', ['-c', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' }).trim();
}

export async function startBackend(backend: FerretDbBackend): Promise<BackendServer> {
  process.env.CM_FERRETDB_BIN = ferretDbBinary();
  const dir = mkdtempSync(join(tmpdir(), `cm-bench-${backend}-`));
  const port = await freePort();
  const saved = process.env.CM_FERRETDB_BACKEND;
  process.env.CM_FERRETDB_BACKEND = backend;
  const server = startFerretDb(port, dir);
  process.env.CM_FERRETDB_BACKEND = saved;
  const uri = `mongodb://127.0.0.1:${port}/`;
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 60_000 });
  try {
    await waitFor(
      async () => ((await client.db('bench').command({ ping: 1 })).ok === 1 ? true : undefined),
      `FerretDB on ${backend}`,
      90_000,
      () => server.output().slice(-2000),
    );
  } catch (error) {
    await client.close();
    await server.stop('SIGKILL');
    throw error;
  }
  return {
    backend,
    uri,
    client,
    stop: async () => {
      await client.close();
      await server.stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
