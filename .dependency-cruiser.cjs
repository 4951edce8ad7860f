/** Architecture rules checked by `npm test`: the tree must keep explaining the design. */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain-and-matching',
      comment: 'The domain, the matching optimiser and report builders are pure: no framework, database or broker.',
      severity: 'error',
      from: { path: '^libs/(domain|matching|reporting)/' },
      to: { path: '(^|/)node_modules/(@nestjs/|mongodb|kafkajs)' },
    },
    {
      name: 'pure-libs-stay-pure',
      comment: 'Pure libs depend only on other pure libs.',
      severity: 'error',
      from: { path: '^libs/(domain|matching|reporting)/' },
      to: { path: '^libs/(?!domain/|matching/|reporting/)' },
    },
    {
      name: 'apps-are-independent',
      comment: 'Apps never import each other; what they share lives in libs.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'application-is-the-top-lib',
      comment:
        'Layers (ARCHITECTURE.md): apps -> libs/application -> domain, event-store, messaging, read-models. Nothing ' +
        'below the application imports it.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/application/' },
      to: { path: '^libs/application/' },
    },
    {
      name: 'application-has-no-http',
      comment: 'Use cases know no HTTP: controllers, DTOs, validation and OpenAPI stay in apps/api.',
      severity: 'error',
      from: { path: '^libs/application/' },
      to: {
        path: '(^|/)node_modules/(@nestjs/(swagger|platform-express)|express|class-validator|class-transformer)(/|$)',
      },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'production-code-not-from-tests',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.(spec|int-spec|e2e-spec|fixtures)\\.ts$' },
      to: { path: '(^test/|\\.(spec|int-spec|e2e-spec|fixtures)\\.ts$)' },
    },
    {
      name: 'testing-folders-serve-tests-only',
      comment:
        'In-memory fakes and test harnesses live in testing/ folders (libs/event-store/src/testing, libs/application/src/testing, ' +
        'apps/api/src/testing) or beside a spec as <name>.fixtures.ts; ' +
        'only tests, fixtures and other testing/ files import them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|e2e-spec|fixtures)\\.ts$', '/testing/'] },
      to: { path: '^(apps|libs)/[^/]+/src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
