import Mysql2Client from 'knex/lib/dialects/mysql2';
import Runner from 'knex/lib/execution/runner';
import { formatQuery } from 'knex/lib/execution/internal/query-executioner';
import type { Connection, QueryValues } from 'mysql2';

/**
 * Sends one statement on `connection` and answers the driver's response as knex would (rows, the first row, an
 * insert id, affected rows; what the driver answered for a statement knex did not build). A failure carries the statement in front of its message, as knex puts it; the
 * client emits `query` for each statement, as knex does (the statement count of `make bench-profile` reads it).
 */
export async function sendStatement(
  client: DirectMysqlClient,
  connection: Connection,
  query: Runner.Compiled,
  runner?: Runner,
): Promise<unknown> {
  client.emit('query', query);
  try {
    return client.processResponse(await client._query(connection, query), runner);
  } catch (error) {
    if (error instanceof Error) {
      error.message = `${formatQuery(query.sql, query.bindings, undefined, client)} - ${error.message}`;
    }
    throw error;
  }
}

/** Sends a statement as text with its bindings, answering the driver's `[rows, fields]` as `response`. */
export const sendAsText = (
  connection: Connection,
  query: Runner.Compiled,
): Promise<Runner.Compiled & { response: unknown }> =>
  new Promise((resolve, reject) => {
    connection.query(query.sql, query.bindings as QueryValues, (error, rows, fields) => {
      if (error) reject(error);
      else resolve(Object.assign(query, { response: [rows, fields] }));
    });
  });

/** Whether a statement goes as text: it sets no driver options (knex compiles `{}` when the builder sets none). */
export const goesAsText = (query: Runner.Compiled): boolean =>
  Boolean(query.sql) && (query.options === undefined || Object.keys(query.options).length === 0);

/**
 * knex's runner for a statement: the one knex compiles the builder to, sent straight to the driver on a
 * connection of the pool (or the builder's own). knex's own runner also emits start, query, response and error
 * events on the builder and the client, copies the query object for each, and chains several promises per statement:
 * nothing here listens to those, and on the hot paths they cost more CPU than the statement's own round trip.
 * Whatever it does not handle (several statements, a query timeout, debugging) goes through knex's runner.
 */
class DirectRunner extends Runner {
  override async run(): Promise<unknown> {
    const query = this.builder.toSQL();
    if (Array.isArray(query) || query.timeout || this.builder._debug === true) return super.run();
    const own = this.builder._connection as Connection | undefined;
    const connection = own ?? ((await this.client.acquireConnection()) as Connection);
    try {
      return await sendStatement(this.client as DirectMysqlClient, connection, query, this);
    } finally {
      if (own === undefined) await this.client.releaseConnection(connection);
    }
  }
}

/**
 * knex's mysql2 client, its statements run by `DirectRunner`; those of knex's own transactions (a read snapshot,
 * migrations) keep knex's runner, whose client refuses a statement once its transaction has completed.
 */
export class DirectMysqlClient extends Mysql2Client {
  /**
   * Sends a statement, answering it with the driver's `[rows, fields]` as `response`, as knex's mysql2 dialect does.
   * That dialect hands the driver an options object (`{sql}` and the builder's driver options); mysql2 copies such an
   * object into a new one by spreading, which took 4.6 µs a statement here against 0.07 µs for the statement as a
   * string: a purchase's nine statements spent more on it than on building and compiling them. A statement without
   * driver options (knex compiles `{}` when the builder sets none) therefore goes as a string; one with them, or an
   * empty one, the dialect's way.
   */
  override _query(connection: Connection, query: Runner.Compiled): Promise<Runner.Compiled & { response: unknown }> {
    if (!goesAsText(query)) return super._query(connection, query);
    return sendAsText(connection, query);
  }

  override runner(builder: Runner.Builder): Runner {
    if ((this as { transacting?: boolean }).transacting === true) return super.runner(builder) as Runner;
    return new DirectRunner(this, builder);
  }
}
