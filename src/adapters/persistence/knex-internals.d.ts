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
  import type { Connection } from 'mysql2';
  import Runner from 'knex/lib/execution/runner';

  class Mysql2Client extends Knex.Client {
    /** Sends a statement, answering it with the driver's `[rows, fields]` as `response`. */
    _query(connection: Connection, query: Runner.Compiled): Promise<Runner.Compiled & { response: unknown }>;
    /**
     * Rows, the first row, an insert id or affected rows, by the statement's method; the driver's `[rows, fields]`
     * for a statement without one (BEGIN, COMMIT). It reads the runner only for a statement whose answer has a shape
     * of its own (`columnInfo`), and such a statement always comes with its runner.
     */
    processResponse(answered: unknown, runner: Runner | undefined): unknown;
  }
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
    /** The builder's options for the driver (`.options({...})`), passed along with the statement. */
    options?: object;
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
