import { openTestMariaDb, openTestSqlite } from '../support/persistence';
import { persistenceContracts } from './persistence-contracts';
import { inMemoryTarget, knexTarget, PersistenceTarget } from './support/persistence-target';

describe.each([
  { adapter: 'MariaDB', open: async () => knexTarget(await openTestMariaDb()) },
  { adapter: 'SQLite', open: async () => knexTarget(await openTestSqlite()) },
  { adapter: 'in-memory', open: () => Promise.resolve(inMemoryTarget()) },
])('$adapter persistence', ({ open }) => {
  let target: PersistenceTarget;
  beforeAll(async () => {
    target = await open();
  });
  afterAll(() => target.close());

  persistenceContracts(() => target);
});
