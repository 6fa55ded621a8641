/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

/**
 * Two projects: `unit` (domain, use cases on in-memory adapters, HTTP on the in-memory app) needs no database and
 * no native addon; `integration` (contract suites and end-to-end tests) needs MariaDB and checks for it first.
 * `npx jest --selectProjects unit` runs the first alone.
 */
module.exports = {
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test/contract', '<rootDir>/test/e2e'],
      // Before each test file: SQLite errors must be Errors of that file's realm (see the file).
      setupFiles: ['<rootDir>/test/support/sqlite-error-realm.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
