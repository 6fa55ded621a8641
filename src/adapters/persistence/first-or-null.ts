import { Knex } from 'knex';

/** The first row of a query as a domain value, or null when there is none. */
export async function firstOrNull<T>(query: Knex.QueryBuilder, toDomain: (row: unknown) => T): Promise<T | null> {
  const row: unknown = await query.first();
  return row === undefined ? null : toDomain(row);
}
