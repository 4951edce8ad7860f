import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startDatabaseServer } from './database-server';
import { freePort } from './ports';

const root = join(__dirname, '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then the exit code (or the signal's name) once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
}

export function track(child: ChildProcess): RunningProcess {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs one of the apps from its TypeScript source (swc), as `npm start` runs the built one. */
export function startApp(app: 'api' | 'projector' | 'relay', env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps', app, 'src', 'main.ts')], {
    cwd: root,
    // Rate limits off and a long request deadline unless a test sets them: suites send bursts a real client would
    // not (40 concurrent allocations on one pledge queue behind its lock for minutes on a loaded CI machine).
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_TOKEN: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      REQUEST_TIMEOUT_MS: '300000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child);
}

/**
 * A private FerretDB, for tests that must stop the database without disturbing the shared one. On PostgreSQL (the
 * local default) "the database server" is FerretDB and its private PostgreSQL cluster together: `stop` signals both,
 * the cluster as a process group (postmaster and backends, as a crash of the machine's database would), SIGTERM as
 * PostgreSQL's fast shutdown (SIGINT); a new start replays PostgreSQL's WAL.
 */
export function startFerretDb(port: number, dataDir: string): RunningProcess {
  const { ferretdb, postgres } = startDatabaseServer(port, dataDir);
  const wire = track(ferretdb);
  if (!postgres) return wire;
  const storage = track(postgres);
  return {
    child: ferretdb,
    output: () => wire.output() + storage.output(),
    stop: async (signal = 'SIGTERM') => {
      const code = await wire.stop(signal);
      if (postgres.exitCode === null && postgres.signalCode === null) {
        process.kill(-postgres.pid!, signal === 'SIGTERM' ? 'SIGINT' : signal);
      }
      await storage.stop(signal === 'SIGTERM' ? 'SIGINT' : signal);
      return code;
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
  describeState: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${describeState()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A private single-node Kafka broker, for tests that stop and restart the broker without disturbing the shared one.
 * Same jars and server.properties template as deploy/local/infra.
 */
export async function startKafka(dataDir: string, port: number, controllerPort: number): Promise<RunningProcess> {
  const classpathFile = process.env.CM_KAFKA_CLASSPATH_FILE;
  if (!classpathFile) throw new Error('CM_KAFKA_CLASSPATH_FILE is not set: run the tests through `npm test`');
  const { readFileSync, writeFileSync, existsSync, mkdirSync } = await import('node:fs');
  const classpath = readFileSync(classpathFile, 'utf8').trim();
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const properties = readFileSync(join(root, 'deploy', 'local', 'kafka', 'server.properties'), 'utf8')
    .replaceAll('@KAFKA_PORT@', String(port))
    .replaceAll('@KAFKA_CONTROLLER_PORT@', String(controllerPort))
    .replaceAll('@DATA@', join(dataDir, 'data'));
  writeFileSync(join(dataDir, 'server.properties'), properties);
  const java = [
    '-Xmx384m',
    `-Dkafka.logs.dir=${join(dataDir, 'logs')}`,
    `-Dlog4j2.configurationFile=${join(root, 'deploy', 'local', 'kafka', 'log4j2.xml')}`,
    '-cp',
    classpath,
  ];
  if (!existsSync(join(dataDir, 'data', 'meta.properties'))) {
    const { execFileSync } = await import('node:child_process');
    execFileSync(
      'java',
      [
        ...java,
        'kafka.tools.StorageTool',
        'format',
        '--standalone',
        '-t',
        'MkU3OEVBNTcwNTJENDM2Qk',
        '-c',
        join(dataDir, 'server.properties'),
      ],
      { stdio: 'ignore' },
    );
  }
  return track(
    spawn('java', [...java, 'kafka.Kafka', join(dataDir, 'server.properties')], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
}

/**
 * Apps on one database and topic prefix, as `npm start` runs them (default: all three); resolves once the api answers.
 * If they do not come up, they are stopped before the error is thrown, so no process outlives the test.
 */
export async function startStack(
  env: Record<string, string>,
  apps: readonly ('api' | 'projector' | 'relay')[] = ['relay', 'projector', 'api'],
  apiPort?: number,
): Promise<{ base: string; processes: RunningProcess[] }> {
  apiPort ??= await freePort();
  const processes: RunningProcess[] = [];
  for (const app of apps) {
    processes.push(startApp(app, { ...env, PORT: String(app === 'api' ? apiPort : await freePort()) }));
  }
  const base = `http://127.0.0.1:${apiPort}`;
  try {
    await waitFor(
      async () => ((await fetch(`${base}/health/live`)).status === 200 ? true : undefined),
      'the api to answer',
      90_000,
      () => processes.map((p) => p.output()).join('\n'),
    );
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    throw error;
  }
  return { base, processes };
}
