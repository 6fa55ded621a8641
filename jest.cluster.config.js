/** @type {import('jest').Config} */
/**
 * The cluster suite (`make test-cluster`): Forte on a local 3-node MariaDB Galera cluster that its set-up brings up
 * (scripts/galera-cluster.sh). Not part of `npm test`; the files run one after the other, since some crash a node.
 */
module.exports = {
  displayName: 'cluster',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/cluster'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/cluster/support/cluster-setup.ts',
  globalTeardown: '<rootDir>/test/cluster/support/cluster-teardown.ts',
  maxWorkers: 1,
  testTimeout: 180_000,
};
