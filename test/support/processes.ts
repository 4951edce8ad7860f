import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then the exit code (or the signal's name) once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
}

function track(child: ChildProcess): RunningProcess {
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
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child);
}

/** A private FerretDB, for tests that must stop the database without disturbing the shared one. */
export function startFerretDb(port: number, dataDir: string): RunningProcess {
  const binary = process.env.CM_FERRETDB_BIN;
  if (!binary) throw new Error('CM_FERRETDB_BIN is not set: run the tests through `npm test`');
  const child = spawn(binary, ['-listen-addr', `127.0.0.1:${port}`, '-sqlite-url', `file:${dataDir}/`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child);
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
