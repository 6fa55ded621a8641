/** The dependency rule: domain <- application <- adapters, cli; only src/container.ts sees every side. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing but the domain and no Node built-ins.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'application-depends-on-domain-and-ports-only',
      comment: 'Use cases see the domain and their own ports, never an adapter, the CLI or a framework.',
      severity: 'error',
      from: { path: '^src/application' },
      to: { pathNot: '^src/(domain|application)' },
    },
    {
      name: 'adapters-do-not-reach-the-cli',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: '^src/(cli|container|runtime|server)' },
    },
    {
      name: 'adapters-are-independent',
      comment: 'An adapter uses the domain, the ports and its own folder; only the composition root joins adapters.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: ['^src/adapters/$1/'] },
    },
    {
      name: 'cli-does-not-present-http',
      comment: 'The CLI prints in its own terms; HTTP presenters answer bots.',
      severity: 'error',
      from: { path: '^src/cli' },
      to: { path: '^src/adapters/http/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Packages such as csv-parse name their entry points only in package.json `exports`.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
