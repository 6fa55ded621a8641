import type { Database as SqliteConnection } from 'better-sqlite3';
import { Knex } from 'knex';
import type { Connection as MysqlConnection } from 'mysql2';
import { DatabaseLocation } from './database-url';
import { ImmediateSqliteClient } from './immediate-sqlite-client';
import { KNEX_LOG } from './knex-log';

export interface ConnectionOptions {
  /**
   * How long a statement waits for a lock another transaction holds before failing: SQLite's busy_timeout, and
   * InnoDB's lock wait (rounded up to whole seconds), whose default of 50 s is far too long for an API request.
   */
  lockTimeoutMs?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const MYSQL_POOL_MAX = 10;

/** knex settings for a database: UTC timestamps, lossless BIGINTs, and immediate SQLite transactions. */
export function knexConfig(location: DatabaseLocation, options: ConnectionOptions = {}): Knex.Config {
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const config =
    location.kind === 'mysql' ? mysqlConfig(location, lockTimeoutMs) : sqliteConfig(location.filename, lockTimeoutMs);
  return { ...config, log: KNEX_LOG };
}

function mysqlConfig(
  location: Extract<DatabaseLocation, { kind: 'mysql' }>,
  lockTimeoutMs: number,
): Knex.Config {
  const lockWaitSeconds = Math.max(1, Math.ceil(lockTimeoutMs / 1000));
  return {
    client: 'mysql2',
    connection: {
      host: location.host,
      port: location.port,
      user: location.user,
      password: location.password,
      database: location.database,
      charset: 'utf8mb4',
      // BIGINT arrives as a string and is turned into a number only after a safe-integer check.
      supportBigNumbers: true,
      bigNumberStrings: true,
      // DATETIME values are UTC both ways.
      timezone: 'Z',
    },
    pool: {
      min: 0,
      max: MYSQL_POOL_MAX,
      afterCreate(connection: MysqlConnection, done: (error: Error | null, connection: unknown) => void) {
        // NOW() and friends in UTC too, so nothing on the server side reads the host's zone.
        connection.query(
          `SET time_zone = '+00:00', innodb_lock_wait_timeout = ${lockWaitSeconds}`,
          (error: Error | null) => done(error, connection),
        );
      },
    },
  };
}

function sqliteConfig(filename: string, lockTimeoutMs: number): Knex.Config {
  return {
    client: ImmediateSqliteClient,
    connection: { filename },
    useNullAsDefault: true,
    // One connection per process: better-sqlite3 waits for a lock synchronously, so a second connection of this
    // process waiting for the first would block the very event loop the first needs in order to commit.
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection: SqliteConnection, done: (error: Error | null, connection: unknown) => void) {
        try {
          connection.pragma(`busy_timeout = ${Math.round(lockTimeoutMs)}`);
          connection.pragma('foreign_keys = ON');
          // WAL lets readers of other processes go on while one writer commits.
          connection.pragma('journal_mode = WAL');
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  };
}
