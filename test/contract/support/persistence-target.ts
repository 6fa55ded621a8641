import { Knex } from 'knex';
import { UnitOfWork } from '../../../src/application/ports/unit-of-work';
import { KnexUnitOfWork } from '../../../src/adapters/persistence/knex-unit-of-work';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';
import { TestDatabase } from '../../support/persistence';

/** An adapter under contract: each test starts from an empty store. */
export interface PersistenceTarget {
  emptyUnitOfWork(): Promise<UnitOfWork>;
  close(): Promise<void>;
}

/** Children before parents, for the foreign keys. */
const TABLES = [
  'reconciliation_runs',
  'checkout_links',
  'xsolla_wallets',
  'xsolla_outbox',
  'xsolla_operations',
  'xsolla_transactions',
  'xsolla_notifications',
  'attendances',
  'user_items',
  'items',
  'idempotency_keys',
  'receipts',
  'clients',
  'users',
];

export const knexTarget = (database: TestDatabase): PersistenceTarget => ({
  emptyUnitOfWork: async () => {
    await emptyTables(database.knex);
    return new KnexUnitOfWork(database.knex);
  },
  close: () => database.close(),
});

async function emptyTables(knex: Knex): Promise<void> {
  for (const table of TABLES) await knex(table).delete();
}

export const inMemoryTarget = (): PersistenceTarget => ({
  emptyUnitOfWork: () => Promise.resolve(new InMemoryUnitOfWork()),
  close: () => Promise.resolve(),
});

/** Registers a `beforeEach` that empties the store; the answer gives each test its unit of work. */
export function emptiedBeforeEach(target: () => PersistenceTarget): () => UnitOfWork {
  let uow: UnitOfWork | undefined;
  beforeEach(async () => {
    uow = await target().emptyUnitOfWork();
  });
  return () => {
    if (!uow) throw new Error('No unit of work: the beforeEach has not run');
    return uow;
  };
}
