import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    // apps/console is the web console (Vite, apps/console/vite.config.ts), not a Nest app: every other app is one.
    expect(byType('application')).toEqual(folders('apps').filter((app) => app !== 'console'));
    expect(existsSync(join(root, 'apps', 'console', 'vite.config.ts'))).toBe(true);
    expect(byType('library')).toEqual(folders('libs'));
  });

  const aliases = Object.keys(tsconfig.compilerOptions.paths);
  const testingAliases = aliases.filter((alias) => alias.endsWith('/testing'));

  it('has a path alias @cm/<lib> for every lib', () => {
    expect(aliases.filter((alias) => !testingAliases.includes(alias)).sort()).toEqual(
      folders('libs').map((lib) => `@cm/${lib}`),
    );
  });

  // A lib's in-memory fakes may have an alias of their own, @cm/<lib>/testing, and only its testing/ folder may.
  it('aliases only testing folders under @cm/<lib>/testing', () => {
    for (const alias of testingAliases) {
      const lib = alias.replace(/^@cm\//, '').replace(/\/testing$/, '');
      expect(folders('libs')).toContain(lib);
      expect(tsconfig.compilerOptions.paths[alias]).toEqual([`libs/${lib}/src/testing`]);
      expect(existsSync(join(root, 'libs', lib, 'src', 'testing', 'index.ts'))).toBe(true);
    }
    expect(aliases.filter((alias) => alias.split('/').length > 2 && !testingAliases.includes(alias))).toEqual([]);
  });
});
