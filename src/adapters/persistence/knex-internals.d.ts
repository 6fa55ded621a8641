/*
 * knex ships no types for its dialect classes and its runner. These are extended by `ImmediateSqliteClient` and
 * `DirectMysqlClient`, which knex supports: its `client` option takes a Client class.
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

declare module 'knex/lib/dialects/mysql2' {
  import { Knex } from 'knex';

  const Mysql2Client: typeof Knex.Client;
  export = Mysql2Client;
}

declare module 'knex/lib/execution/runner' {
  import { Knex } from 'knex';

  /** One compiled statement, as a builder's `toSQL()` gives it and the dialect's `_query` takes it. */
  interface CompiledQuery {
    sql: string;
    bindings: readonly unknown[];
    method?: string;
    timeout?: number | false;
  }

  class Runner {
    constructor(client: Knex.Client, builder: Runner.Builder);
    readonly client: Knex.Client;
    readonly builder: Runner.Builder;
    run(): Promise<unknown>;
  }
  namespace Runner {
    /** What a runner reads of a query builder or a raw statement. */
    interface Builder {
      toSQL(): CompiledQuery | CompiledQuery[];
      readonly _connection?: unknown;
      readonly _debug?: boolean;
    }
    type Compiled = CompiledQuery;
  }
  export = Runner;
}

declare module 'knex/lib/execution/internal/query-executioner' {
  import { Knex } from 'knex';

  /** The statement with its bindings written in, as knex puts it in front of a driver's error message. */
  export function formatQuery(
    sql: string,
    bindings: readonly unknown[],
    timeZone: undefined,
    client: Knex.Client,
  ): string;
}

declare module 'knex/lib/knex-builder/make-knex' {
  import { Knex } from 'knex';

  /** The knex function for a client, as `knex(config)` and knex's own transactions make it. */
  function makeKnex(client: Knex.Client): Knex;
  export = makeKnex;
}
