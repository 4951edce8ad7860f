import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@cm/domain';

interface Operation {
  description?: string;
}

/**
 * The operations a role may not call, as the document states them: a command route's description starts with
 * "Roles: admin, coordinator." (http/command-route.ts writes it from the same @Roles the guard reads).
 */
export function forbiddenOperations(document: { paths: Record<string, Record<string, Operation>> }, role: Role) {
  const names: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const roles = /^Roles: ([a-z_, ]+)\./.exec(operation.description ?? '')?.[1].split(', ');
      if (roles && !roles.includes(role)) names.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return names;
}

/**
 * test/abuse/schemathesis.toml, plus for this role: no coverage phase on the operations it may not call. The guard
 * refuses them (403) before any validation, so the ~50 boundary and negative cases per operation would all get the same
 * 403; the examples and fuzzing phases still call them with this role's token and check that 403 (documented,
 * problem+json), and the role that may call them runs their coverage cases.
 */
export function roleConfig(dir: string, role: Role, forbidden: string[]): string {
  const base = readFileSync(join(__dirname, 'schemathesis.toml'), 'utf8');
  const file = join(dir, `schemathesis-${role}.toml`);
  const names = forbidden.map((name) => JSON.stringify(name)).join(', ');
  const skip = forbidden.length ? `\n[[operations]]\ninclude-name = [${names}]\nphases.coverage.enabled = false\n` : '';
  writeFileSync(file, `${base}${skip}`);
  return file;
}
