import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Role } from '@cm/domain';
import { AbuseStack, startAbuseStack } from './abuse-stack';
import { forbiddenOperations, roleConfig } from './schemathesis-config';

/**
 * schemathesis (PyPI, pinned in deploy/local/schemathesis) against the running api's /docs-json, once per role, with
 * every check and every phase (examples, coverage, fuzzing, stateful): the document must describe the api exactly,
 * so any failure fails the test with schemathesis's report. Seeded records give the id routes something to find;
 * the stateful phase follows the document's links from create routes to the /:id routes.
 * The five roles run at once, each with SCHEMATHESIS_WORKERS workers (1). SCHEMATHESIS_SEED and
 * SCHEMATHESIS_MAX_EXAMPLES (test cases per operation and phase) replay or widen a run.
 */
const seed = Number(process.env.SCHEMATHESIS_SEED ?? 6_2026);
const maxExamples = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 5);
/** Per role: five roles at once already keep both cores busy. */
const workers = Number(process.env.SCHEMATHESIS_WORKERS ?? 1);
const allRoles: Role[] = ['admin', 'coordinator', 'donor', 'affected_state', 'analyst'];
/** SCHEMATHESIS_ROLES=admin,donor runs only those. */
const roles = allRoles.filter((role) => (process.env.SCHEMATHESIS_ROLES?.split(',') ?? allRoles).includes(role));
const root = join(__dirname, '..', '..');

describe(`schemathesis: the OpenAPI document is exact for every role (SCHEMATHESIS_SEED=${seed})`, () => {
  let st: string;
  let stack: AbuseStack | undefined;
  let workDir: string;
  const runs = new Map<Role, Promise<{ code: number | null; output: string; ms: number }>>();

  beforeAll(async () => {
    // Installs the pinned version on the first run (under a lock: parallel runs wait for one install).
    const { stdout } = await promisify(execFile)('bash', [join(root, 'deploy/local/schemathesis/provision')], {
      timeout: 600_000,
    });
    st = stdout.trim().split('\n').pop() ?? '';
    workDir = mkdtempSync(join(tmpdir(), 'schemathesis-'));
    stack = await startAbuseStack('schemathesis');
    // The five roles run at once (separate processes against the same api): the whole part fits in npm test's budget.
    const document = (await (await fetch(`${stack.base}/docs-json`)).json()) as Parameters<
      typeof forbiddenOperations
    >[0];
    const started = Date.now();
    for (const role of roles) {
      const cwd = join(workDir, role);
      mkdirSync(cwd);
      const config = roleConfig(cwd, role, forbiddenOperations(document, role));
      runs.set(
        role,
        run(st, argsOf(stack, role, config), cwd, fixturesOf(stack, role)).then((result) => ({
          ...result,
          ms: Date.now() - started,
        })),
      );
    }
  }, 900_000);

  afterAll(async () => {
    await Promise.all(runs.values());
    await stack?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it.each(roles)(
    'as %s: st run --checks all over every phase finds no failure',
    async (role) => {
      const { code, output, ms } = await runs.get(role)!;
      const summary = output.slice(output.lastIndexOf('SUMMARY'));
      console.log(`schemathesis as ${role}: exit ${code} after ${ms} ms\n${summary}`);
      const failures = output.includes('FAILURES') ? output.slice(output.indexOf('FAILURES')) : output;
      expect({ role, code, report: code === 0 ? '' : failures.slice(0, 40_000) }).toEqual({
        role,
        code: 0,
        report: '',
      });
    },
    // The first test waits for all five runs: ~6 min here, 20 min when the shared machine ran at load 30.
    1_800_000,
  );
});

function argsOf(stack: AbuseStack, role: Role, config: string): string[] {
  return [
    '--config-file',
    config,
    'run',
    `${stack.base}/docs-json`,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--header',
    `Authorization: Bearer ${stack.tokens[role]}`,
    '--seed',
    String(seed),
    '--max-examples',
    String(maxExamples),
    '--generation-database',
    'none',
    '--no-color',
    '--workers',
    String(workers),
  ];
}

/** The values test/abuse/schemathesis.toml gives opaque parameters and the ids of the seeded records. */
function fixturesOf({ consistencyToken, cursor, ids }: AbuseStack, role: Role): Record<string, string> {
  return {
    CM_CONSISTENCY_TOKEN: consistencyToken,
    CM_CURSOR: cursor,
    CM_NEED_ID: ids.needId,
    CM_PLEDGE_ID: ids.pledgeId,
    CM_ALLOCATION_ID: ids.allocationId,
    CM_STREAM_ID: ids.streamId,
    // A participant reads its own reports and exports; staff read the recipient's and the donor's.
    CM_PARTICIPANT_ID: role === 'donor' ? ids.donorId : ids.recipientId,
    CM_DONOR_ID: ids.donorId,
  };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
