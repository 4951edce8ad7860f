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
      from: { path: '^(apps|libs)/', pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$' },
      to: { path: '(^test/|\\.(spec|int-spec|e2e-spec)\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
