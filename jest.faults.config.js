/**
 * `make test-faults`: the heavy load and fault tests (test/faults: several server processes, thousands of users,
 * a process killed, a private MariaDB stopped and started). Kept out of `npm test` for its time; `.ci/run` runs it
 * after `npm test`. One file at a time: each loads the machine by itself.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  roots: ['<rootDir>/test/faults'],
  testTimeout: 600000,
  maxWorkers: 1,
  setupFiles: ['<rootDir>/test/support/sqlite-error-realm.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
