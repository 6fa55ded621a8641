import type { Database as SqliteConnection } from 'better-sqlite3';
import { Knex } from 'knex';
import BetterSqlite3Client from 'knex/lib/dialects/better-sqlite3';
import SqliteTransaction from 'knex/lib/dialects/sqlite3/execution/sqlite-transaction';

const isBusy = (error: unknown): boolean => String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * knex's better-sqlite3 client whose top-level transactions begin immediately (savepoints are unchanged).
 *
 * knex opens SQLite transactions with a deferred `BEGIN`: the write lock is only taken at the first write, and
 * a transaction that read first then fails to upgrade with SQLITE_BUSY without waiting for the busy timeout.
 * `BEGIN IMMEDIATE` takes the write lock up front, so "lock, decide, write" holds when several processes share
 * one file. better-sqlite3 would wait for that lock synchronously, freezing every request of the process, so
 * the connection's busy timeout is 0 and the wait happens here, between the event loop's other work, for up to
 * `lockTimeoutMs`.
 */
export function immediateSqliteClient(lockTimeoutMs: number): typeof BetterSqlite3Client {
  class ImmediateSqliteTransaction extends SqliteTransaction {
    override async begin(connection: SqliteConnection): Promise<void> {
      const deadline = Date.now() + lockTimeoutMs;
      for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
        try {
          connection.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          if (!isBusy(error) || Date.now() >= deadline) throw error;
          await sleep(pause);
        }
      }
    }
  }

  return class ImmediateSqliteClient extends BetterSqlite3Client {
    override transaction(container: unknown, config: unknown, outerTx: unknown): Knex.Transaction {
      // knex types this method with its public Transaction interface; the object it really returns is this class.
      return new ImmediateSqliteTransaction(this, container, config, outerTx) as unknown as Knex.Transaction;
    }
  };
}
