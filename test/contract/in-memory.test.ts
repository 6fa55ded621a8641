import { persistenceContracts } from './persistence-contracts';
import { inMemoryTarget } from './support/persistence-target';

describe('in-memory persistence', () => {
  const target = inMemoryTarget();
  persistenceContracts(() => target);
});
