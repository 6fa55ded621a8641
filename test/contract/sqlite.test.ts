import { openTestSqlite } from '../support/persistence';
import { persistenceContracts } from './persistence-contracts';
import { knexTarget, PersistenceTarget } from './support/persistence-target';

describe('SQLite persistence', () => {
  let target: PersistenceTarget;
  beforeAll(async () => {
    target = knexTarget(await openTestSqlite());
  });
  afterAll(() => target.close());

  persistenceContracts(() => target);
});
