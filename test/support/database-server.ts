import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';

/**
 * A private database server as deploy/local/infra runs the shared one: FerretDB (CM_FERRETDB_BIN) on its PostgreSQL
 * backend (the default), over a private PostgreSQL cluster in `dataDir/postgres` that listens on a Unix socket there
 * only, or on SQLite in `dataDir/sqlite` (CM_FERRETDB_BACKEND=sqlite). Synchronous, so that a test restarts it in one call.
 */
export type FerretDbBackend = 'postgresql' | 'sqlite';

export const ferretDbBackend = (): FerretDbBackend =>
  process.env.CM_FERRETDB_BACKEND === 'sqlite' ? 'sqlite' : 'postgresql';

/** The socket's name only: the private clusters bind no TCP port. */
const socketPort = process.env.POSTGRES_PORT ?? '25432';

function postgresBinDir(): string {
  const candidates = [process.env.CM_POSTGRES_BINDIR ?? ''];
  if (existsSync('/usr/lib/postgresql')) {
    const majors = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => join('/usr/lib/postgresql', major, 'bin')));
  }
  const found = candidates.find((dir) => dir !== '' && existsSync(join(dir, 'postgres')));
  if (!found) throw new Error('PostgreSQL is missing: run `deploy/local/infra provision` (or set CM_POSTGRES_BINDIR)');
  return found;
}

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` user. */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export const postgresqlUrl = (clusterDir: string): string =>
  `postgres://postgres@/postgres?host=${encodeURIComponent(clusterDir)}&port=${socketPort}`;

/**
 * Creates the cluster on first use (C locale, as deploy/local/postgres.sh: the _id range patch needs byte-wise string
 * order) and starts it in its own process group, so that a SIGKILL takes its backends down with it, as a crash would.
 */
export function startPostgresCluster(clusterDir: string): ChildProcess {
  const bin = postgresBinDir();
  const user = postgresUser();
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) {
    chownSync(clusterDir, user.uid, user.gid!);
    // The postgres user must reach its directory through the test's private (0700, mkdtemp) ones above it; only
    // directories under the temporary directory are opened up (a cluster elsewhere needs a reachable path).
    for (let dir = dirname(clusterDir); dir.startsWith(tmpdir() + sep); dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o111);
    }
  }
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', clusterDir, '-U', 'postgres', '--auth=trust', '--locale=C', '--encoding=UTF8'],
      {
        ...user,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  }
  const args = [
    '-D',
    clusterDir,
    '-p',
    socketPort,
    '-c',
    'listen_addresses=',
    '-c',
    `unix_socket_directories=${clusterDir}`,
    '-c',
    'plan_cache_mode=force_custom_plan',
  ];
  return spawn(join(bin, 'postgres'), args, { ...user, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function ferretDbStorageArgs(dataDir: string, backend: FerretDbBackend): string[] {
  if (backend === 'sqlite') {
    mkdirSync(join(dataDir, 'sqlite'), { recursive: true });
    return ['-sqlite-url', `file:${join(dataDir, 'sqlite')}/`];
  }
  return ['-postgresql-url', postgresqlUrl(join(dataDir, 'postgres'))];
}

/** FerretDB on `port`; for PostgreSQL, started together with its private cluster. */
export function startDatabaseServer(
  port: number,
  dataDir: string,
  backend: FerretDbBackend = ferretDbBackend(),
): { ferretdb: ChildProcess; postgres?: ChildProcess } {
  const binary = process.env.CM_FERRETDB_BIN;
  if (!binary) throw new Error('CM_FERRETDB_BIN is not set: run the tests through `npm test`');
  const postgres = backend === 'postgresql' ? startPostgresCluster(join(dataDir, 'postgres')) : undefined;
  const ferretdb = spawn(
    binary,
    ['-listen-addr', `127.0.0.1:${port}`, '-log-level', 'error', ...ferretDbStorageArgs(dataDir, backend)],
    {
      env: { ...process.env, DO_NOT_TRACK: '1', FERRETDB_TELEMETRY: 'disable' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return { ferretdb, postgres };
}
