/*
 * knex ships no types for its dialect classes. These two are extended by `ImmediateSqliteClient`, which knex
 * supports: its `client` option takes a Client class.
 */
declare module 'knex/lib/dialects/better-sqlite3' {
  import { Knex } from 'knex';

  const BetterSqlite3Client: typeof Knex.Client;
  export = BetterSqlite3Client;
}

declare module 'knex/lib/dialects/sqlite3/execution/sqlite-transaction' {
  class SqliteTransaction {
    constructor(client: unknown, container: unknown, config: unknown, outerTx: unknown);
    /** From the transaction's `{ readOnly }` config. */
    readonly readOnly: boolean | undefined;
    begin(connection: unknown): Promise<unknown>;
    query(connection: unknown, sql: string): Promise<unknown>;
  }
  export = SqliteTransaction;
}
