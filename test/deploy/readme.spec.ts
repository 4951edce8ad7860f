import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configVariableNames } from '@cm/platform';

/** The README is documentation users act on: its configuration table and quick start must stay true. */
describe('README.md', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]);

  it('documents exactly the variables the configuration schema reads', () => {
    expect([...documented].sort()).toEqual([...configVariableNames].sort());
  });

  it('has a quick start of exactly two commands: npm start and npm test', () => {
    const quickStart = readme.split('## Quick start')[1].split('```sh')[1].split('```')[0];
    const commands = quickStart
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm start', 'npm test']);
  });
});
