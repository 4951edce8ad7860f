// Projects: unit (pure, no servers), integration (real Kafka and FerretDB), e2e (the running apps over HTTP), abuse
// (our request fuzzer, and schemathesis once per role, against the running apps: npm run test:abuse), browser (the
// console in Debian's chromium against the running apps), cluster (a three-broker Kafka cluster it starts itself, with
// two of each app, under faults: `npm run test:cluster`), faults (its own broker, database and apps killed under load:
// `npm run test:faults`). `npm test` runs every project.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@cm/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@cm/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing',
  },
  setupFiles: ['reflect-metadata'],
};

// The faults test (`npm run test:faults` runs it alone): mixed HTTP load while it SIGKILLs its own broker, database
// and apps. It starts its own Kafka and FerretDB on free ports (test/support/processes.ts: freePort), so it needs
// only the binaries that deploy/local/test provisions.
const faults = {
  ...shared,
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/server-timeouts.js'],
};

// The cluster proof (`npm run test:cluster` runs it alone): its own three-broker Kafka cluster on free ports, two of
// each app, four faults; its database is the FerretDB of deploy/local/infra.
const cluster = {
  ...shared,
  displayName: 'cluster',
  testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/cluster-timeouts.js'],
};

module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-timeouts.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-timeouts.js'],
    },
    {
      ...shared,
      displayName: 'abuse',
      testMatch: ['<rootDir>/test/abuse/**/*.abuse-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-timeouts.js'],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-timeouts.js'],
    },
    cluster,
    faults,
  ],
};
