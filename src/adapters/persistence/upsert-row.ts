import { Knex } from 'knex';

export interface Upsert {
  /** The unique key that finds an existing row. */
  key: Record<string, unknown>;
  /** Columns written by an insert only (the creation time survives an update). */
  created: Record<string, unknown>;
  /** Columns written by an insert and overwritten on an existing row. */
  changes: Record<string, unknown>;
}

/**
 * Inserts a row or updates the one with the same unique key, in one statement on both databases
 * (`ON DUPLICATE KEY UPDATE` on MySQL, `ON CONFLICT ... DO UPDATE` on SQLite), so two transactions inserting
 * the same key cannot both miss the other's row.
 */
export async function upsertRow(table: Knex.QueryBuilder, upsert: Upsert): Promise<void> {
  await table
    .insert({ ...upsert.key, ...upsert.created, ...upsert.changes })
    .onConflict(Object.keys(upsert.key))
    .merge(Object.keys(upsert.changes));
}
