import { Config } from './adapters/config/config';
import { Database, openDatabase } from './adapters/persistence/database';
import { migrateLatest, MigrationStatus, migrationStatus, rollback } from './adapters/persistence/migrator';
import { PendingMigrationsError } from './adapters/persistence/pending-migrations-error';
import { composeForte, Forte, Overrides } from './composition-root';

/**
 * What a process does about pending migrations when it opens the database: SQLite (the embedded default) applies
 * them itself so a fresh checkout just works; MySQL refuses to run on an old schema unless told to migrate.
 */
export type MigrationPolicy = 'apply-on-sqlite' | 'apply' | 'leave';

/** Forte on its configured database, with the database's migrations at hand. */
export interface Runtime extends Forte {
  readonly databaseKind: Database['dialect'];
  readonly database: Database;
  readonly migrations: {
    latest(): Promise<string[]>;
    rollback(): Promise<string[]>;
    status(): Promise<MigrationStatus>;
  };
}

export async function openRuntime(
  config: Config,
  options: { migrations: MigrationPolicy; overrides?: Overrides },
): Promise<Runtime> {
  const database = openDatabase(config.DATABASE_URL, {
    lockTimeoutMs: config.DATABASE_LOCK_TIMEOUT_MS,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    await applyPolicy(database, options.migrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    ...composeForte(config, database, options.overrides),
    database,
    databaseKind: database.dialect,
    migrations: {
      latest: () => migrateLatest(database.knex),
      rollback: () => rollback(database.knex),
      status: () => migrationStatus(database.knex),
    },
  };
}

async function applyPolicy(database: Database, policy: MigrationPolicy): Promise<void> {
  if (policy === 'leave') return;
  if (policy === 'apply' || database.dialect === 'sqlite') {
    await migrateLatest(database.knex);
    return;
  }
  const { pending } = await migrationStatus(database.knex);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
}
