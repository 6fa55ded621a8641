import { Knex } from 'knex';
import type { Connection } from 'mysql2';

/** What a pool's one connection sent: one entry per round trip (`query` call), its SQL as sent. */
export interface RoundTrips {
  readonly sent: string[];
  clear(): void;
}

/** Records the round trips of the one connection of `knex`'s pool (a pool of one, opened by the test). */
export async function recordRoundTrips(knex: Knex): Promise<RoundTrips> {
  const connection = (await knex.client.acquireConnection()) as Connection;
  await knex.client.releaseConnection(connection);
  const sent: string[] = [];
  const send = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  jest.spyOn(connection, 'query').mockImplementation(((sql: string | { sql: string }, ...rest: unknown[]) => {
    sent.push(typeof sql === 'string' ? sql : sql.sql);
    return send(sql, ...rest);
  }) as Connection['query']);
  return { sent, clear: () => sent.splice(0) };
}
