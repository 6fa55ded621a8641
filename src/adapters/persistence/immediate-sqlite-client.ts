import { Knex } from 'knex';
import BetterSqlite3Client from 'knex/lib/dialects/better-sqlite3';
import SqliteTransaction from 'knex/lib/dialects/sqlite3/execution/sqlite-transaction';

/**
 * knex opens SQLite transactions with a deferred `BEGIN`: the write lock is only taken at the first write, and
 * a transaction that read first then fails to upgrade with SQLITE_BUSY without waiting for the busy timeout.
 * `BEGIN IMMEDIATE` takes the write lock up front (waiting up to busy_timeout), so "lock, decide, write"
 * holds when several processes share one file.
 */
class ImmediateSqliteTransaction extends SqliteTransaction {
  override begin(connection: unknown): Promise<unknown> {
    return this.query(connection, 'BEGIN IMMEDIATE;');
  }
}

/** knex's better-sqlite3 client whose top-level transactions begin immediately (savepoints are unchanged). */
export class ImmediateSqliteClient extends BetterSqlite3Client {
  override transaction(container: unknown, config: unknown, outerTx: unknown): Knex.Transaction {
    // knex types this method with its public Transaction interface; the object it really returns is this class.
    return new ImmediateSqliteTransaction(this, container, config, outerTx) as unknown as Knex.Transaction;
  }
}
