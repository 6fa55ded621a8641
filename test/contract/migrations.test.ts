import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, openDatabase } from '../../src/adapters/persistence/database';
import { migrateLatest, migrationStatus, rollback } from '../../src/adapters/persistence/migrator';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

const ALL = [
  '20261125000001_create_users',
  '20261125000002_create_receipts',
  '20261125000003_create_clients',
  '20261125000004_create_idempotency_keys',
  '20261125000005_create_items',
  '20261125000006_create_user_items',
  '20261125000007_create_attendances',
  '20261201000001_widen_receipt_reason',
  '20261202000001_create_xsolla_notifications',
  '20261202000002_create_xsolla_transactions',
  '20261202000003_create_xsolla_operations',
  '20261202000004_create_xsolla_outbox',
  '20261202000005_create_xsolla_wallets',
  '20261202000006_create_checkout_links',
  '20261203000001_create_reconciliation_runs',
  '20261204000001_add_client_allowed_networks',
];

const TABLES = [
  'users',
  'receipts',
  'clients',
  'idempotency_keys',
  'items',
  'user_items',
  'attendances',
  'xsolla_notifications',
  'xsolla_transactions',
  'xsolla_operations',
  'xsolla_outbox',
  'xsolla_wallets',
  'checkout_links',
  'reconciliation_runs',
];

interface EmptyDatabase {
  database: Database;
  remove(): Promise<void>;
}

const emptyMariaDb = async (): Promise<EmptyDatabase> => {
  const { name, url } = await createTestDatabase();
  return { database: openDatabase(url), remove: () => dropTestDatabase(name) };
};

const emptySqlite = async (): Promise<EmptyDatabase> => {
  const folder = mkdtempSync(join(tmpdir(), 'forte-migrations-'));
  // A folder that does not exist yet: opening the database creates it.
  const database = openDatabase(`sqlite:${join(folder, 'nested', 'forte.sqlite')}`);
  return { database, remove: async () => rmSync(folder, { recursive: true, force: true }) };
};

describe.each([
  ['MariaDB', emptyMariaDb],
  ['SQLite', emptySqlite],
])('migrations on %s', (_name, openEmpty) => {
  let empty: EmptyDatabase;
  beforeAll(async () => {
    empty = await openEmpty();
  });
  afterAll(async () => {
    await empty.database.close();
    await empty.remove();
  });

  it('go up, report their status, and come down again by batch', async () => {
    const { knex } = empty.database;
    expect(await migrationStatus(knex)).toEqual({ applied: [], pending: ALL, lastBatch: [] });

    expect(await migrateLatest(knex)).toEqual(ALL);
    expect(await migrateLatest(knex)).toEqual([]);
    expect(await migrationStatus(knex)).toEqual({ applied: ALL, pending: [], lastBatch: [...ALL].reverse() });
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }

    expect(await rollback(knex)).toEqual([...ALL].reverse());
    expect(await migrationStatus(knex)).toEqual({ applied: [], pending: ALL, lastBatch: [] });
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    expect(await migrateLatest(knex)).toEqual(ALL);
  });
});
