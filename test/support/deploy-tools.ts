import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repositoryRoot = join(__dirname, '..', '..');

export type DeployTool = 'kustomize' | 'promtool' | 'kubernetes_validate';

/**
 * The pinned kustomize, promtool or kubernetes-validate, by name. `npm test` starts building them in the background first
 * thing; this waits for that build (deploy/k8s/tools/provision holds a lock) or builds them itself when jest runs
 * alone. A cold build takes minutes, so the callers give their beforeAll a long timeout.
 */
export async function deployTools<T extends DeployTool>(...tools: T[]): Promise<Record<T, string>> {
  const started = Date.now();
  const child = run('bash', [join(repositoryRoot, 'deploy/k8s/tools/provision'), ...tools], { maxBuffer: 1 << 20 });
  child.child.stderr?.pipe(process.stderr); // progress: which tool is being built, and for how long
  const { stdout } = await child;
  const paths = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')).toLowerCase(), line.slice(line.indexOf('=') + 1)]),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (Number(seconds) > 5) process.stderr.write(`[deploy tools] ready after waiting ${seconds} s\n`);
  return Object.fromEntries(tools.map((tool) => [tool, paths[tool]])) as Record<T, string>;
}

/** Runs a tool and returns its output; a failure carries the tool's own stdout and stderr in the message. */
export async function runTool(binary: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(binary, args, { cwd: repositoryRoot, maxBuffer: 16 << 20 });
    return stdout + stderr;
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${binary} ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}

export const toolTimeoutMs = 45 * 60_000;
