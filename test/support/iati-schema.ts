import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The official IATI 2.03 activities schema, kept in shared/iati beside the repository. */
export const iatiSchema = join(__dirname, '..', '..', '..', 'shared', 'iati', 'iati-activities-schema.xsd');

/** Runs xmllint against the IATI 2.03 activities schema; CI installs it with the Debian libxml2-utils. */
export function validateIati(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iati-'));
  try {
    const file = join(dir, 'activities.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', iatiSchema, file], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
