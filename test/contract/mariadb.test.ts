import { openTestMariaDb } from '../support/persistence';
import { persistenceContracts } from './persistence-contracts';
import { knexTarget, PersistenceTarget } from './support/persistence-target';

describe('MariaDB persistence', () => {
  let target: PersistenceTarget;
  beforeAll(async () => {
    target = knexTarget(await openTestMariaDb());
  });
  afterAll(() => target.close());

  persistenceContracts(() => target);
});
