import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder tree is the architecture: nest-cli.json and the path aliases must name exactly the apps and libs. */
describe('monorepo layout', () => {
  const root = join(__dirname, '..', '..');
  const folders = (parent: string) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  const nest = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));

  it('declares one Nest project per app and per lib, in monorepo mode', () => {
    expect(nest.monorepo).toBe(true);
    const byType = (type: string) =>
      Object.entries(nest.projects)
        .filter(([, p]) => (p as { type: string }).type === type)
        .map(([name]) => name)
        .sort();
    expect(byType('application')).toEqual(folders('apps'));
    expect(byType('library')).toEqual(folders('libs'));
  });

  it('has a path alias @cm/<lib> for every lib', () => {
    expect(Object.keys(tsconfig.compilerOptions.paths).sort()).toEqual(folders('libs').map((lib) => `@cm/${lib}`));
  });
});
