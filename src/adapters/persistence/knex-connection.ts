import type { Database as SqliteConnection } from 'better-sqlite3';
import { Knex } from 'knex';
import type { Connection as MysqlConnection } from 'mysql2';
import { DatabaseLocation } from './database-url';
import { DirectMysqlClient } from './direct-mysql-client';
import { causalReadsOnGalera } from './galera-causal-reads';
import { immediateSqliteClient } from './immediate-sqlite-client';
import { KNEX_LOG } from './knex-log';

export interface ConnectionOptions {
  /**
   * How long a transaction waits for a lock another one holds before failing: for the write lock of an SQLite file
   * (waited for asynchronously), and InnoDB's row-lock wait (rounded up to whole seconds), whose default of 50 s
   * is far too long for an API request.
   */
  lockTimeoutMs?: number;
  /** MySQL connections this process keeps at most; SQLite has one for writes and one for reads. */
  poolSize?: number;
  /**
   * How long opening a MySQL connection may take before it counts as failed (the database unreachable). A query
   * waits for a pooled connection at most this plus the lock timeout (knex's own default, 60 s, is far too long);
   * through an outage the unit of work fails at once instead (connection-breaker.ts).
   */
  connectTimeoutMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
export const DEFAULT_POOL_SIZE = 20;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
const STRICT_SQL_MODE =
  'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';

/** knex settings for a database: UTC timestamps, lossless BIGINTs, and immediate SQLite transactions. */
export function knexConfig(location: DatabaseLocation, options: ConnectionOptions = {}): Knex.Config {
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const config =
    location.kind === 'mysql'
      ? mysqlConfig(location, lockTimeoutMs, options.poolSize ?? DEFAULT_POOL_SIZE, connectTimeoutMs(options))
      : sqliteConfig(location.filename, lockTimeoutMs, 'writes');
  return { ...config, log: KNEX_LOG };
}

/**
 * knex settings for the reads of an SQLite file: a connection of their own, so that a read never waits in the
 * pool behind a write transaction that is waiting for another process's lock. (WAL readers take no lock.)
 */
export function sqliteReadsConfig(filename: string): Knex.Config {
  return { ...sqliteConfig(filename, 0, 'reads'), log: KNEX_LOG };
}

const connectTimeoutMs = (options: ConnectionOptions): number => options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;

function mysqlConfig(
  location: Extract<DatabaseLocation, { kind: 'mysql' }>,
  lockTimeoutMs: number,
  poolSize: number,
  connectTimeout: number,
): Knex.Config {
  const lockWaitSeconds = Math.max(1, Math.ceil(lockTimeoutMs / 1000));
  const causalReads = causalReadsOnGalera();
  return {
    client: DirectMysqlClient,
    // Waiting for a pooled connection is waiting for other requests' transactions (each bounded by the lock wait),
    // or for a new connection: past both, the query fails (503 BUSY when the pool is full, else unreachable).
    acquireConnectionTimeout: lockTimeoutMs + connectTimeout,
    connection: {
      connectTimeout,
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
      // knex sends text statements, never prepared ones; mysql2's cache of those would take half a MiB a connection
      // for its 16,000 entries (16 MiB for a pool of 32), which every full garbage collection walks.
      maxPreparedStatements: 1,
      // A transaction sends the statements its work issues together in one round trip (`StatementPipeline`). Every
      // statement is built by knex with its values bound, so no text from a request is ever read as a statement.
      multipleStatements: true,
    },
    pool: {
      min: 0,
      max: poolSize,
      afterCreate(connection: MysqlConnection, done: (error: Error | null, connection: unknown) => void) {
        // NOW() and friends in UTC too, so nothing on the server side reads the host's zone; and strict, so a
        // value that does not fit its column is an error, never silently truncated, whatever the server's default.
        connection.query(
          `SET time_zone = '+00:00', innodb_lock_wait_timeout = ${lockWaitSeconds}, sql_mode = '${STRICT_SQL_MODE}'`,
          (error: Error | null) =>
            error ? done(error, connection) : causalReads(connection, (galera) => done(galera, connection)),
        );
      },
    },
  };
}

function sqliteConfig(filename: string, lockTimeoutMs: number, use: 'writes' | 'reads'): Knex.Config {
  return {
    client: immediateSqliteClient(lockTimeoutMs),
    connection: { filename },
    useNullAsDefault: true,
    // One connection for writes (transactions of this process queue for it rather than for the file's lock) and
    // one for reads: better-sqlite3 is synchronous, so more connections would not read in parallel anyway.
    pool: {
      min: use === 'writes' ? 1 : 0,
      max: 1,
      afterCreate(connection: SqliteConnection, done: (error: Error | null, connection: unknown) => void) {
        try {
          connection.pragma('foreign_keys = ON');
          // WAL lets readers go on while one writer commits (set once, by the writer; the file keeps it). Opening
          // may briefly wait, with the driver's own busy timeout, while another process rebuilds the WAL index.
          if (use === 'writes') connection.pragma('journal_mode = WAL');
          // From then on no synchronous waiting for locks: it would freeze the event loop (immediate-sqlite-client.ts).
          connection.pragma('busy_timeout = 0');
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  };
}
