import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Knex } from 'knex';
import { openDatabase } from '../../src/adapters/persistence/database';
import { ConnectionOptions } from '../../src/adapters/persistence/knex-connection';
import { migrateLatest } from '../../src/adapters/persistence/migrator';
import { createTestDatabase, dropTestDatabase } from './test-database';

/** A migrated throw-away database for one test file; `close` disconnects and removes it. */
export interface TestDatabase {
  knex: Knex;
  /** Where reads outside transactions run (a connection of their own on SQLite). */
  reads: Knex;
  /** The `DATABASE_URL` of this database, for a server or CLI under test. */
  url: string;
  close(): Promise<void>;
}

/** A fresh database on the test MariaDB server (`TEST_DATABASE_URL`), with every migration applied. */
export async function openTestMariaDb(options: ConnectionOptions = {}): Promise<TestDatabase> {
  const { name, url } = await createTestDatabase();
  return openMigrated(url, options, () => dropTestDatabase(name));
}

/** A fresh SQLite file in a temporary folder, with every migration applied. */
export async function openTestSqlite(options: ConnectionOptions = {}): Promise<TestDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'forte-test-'));
  const url = `sqlite:${join(folder, 'forte.sqlite')}`;
  return openMigrated(url, options, async () => rmSync(folder, { recursive: true, force: true }));
}

async function openMigrated(
  url: string,
  options: ConnectionOptions,
  remove: () => Promise<void>,
): Promise<TestDatabase> {
  // Migrated through a pool of its own with the default limits: a test's tight ones are for what it tests.
  const migrating = openDatabase(url);
  try {
    await migrateLatest(migrating.knex);
  } catch (error) {
    await remove();
    throw error;
  } finally {
    await migrating.close();
  }
  const database = openDatabase(url, options);
  return {
    knex: database.knex,
    reads: database.reads,
    url,
    close: async () => {
      await database.close();
      await remove();
    },
  };
}
