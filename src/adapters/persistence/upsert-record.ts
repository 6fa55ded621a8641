import { Knex } from 'knex';
import { asColumns } from './record-columns';

/**
 * Inserts a record stamped created and updated at `at` or, when a row holds the same unique key, overwrites its
 * fields and update time (its creation time stays). One statement on both databases (`ON DUPLICATE KEY UPDATE`
 * on MySQL, `ON CONFLICT ... DO UPDATE` on SQLite), so two transactions inserting one key cannot both miss it.
 */
export async function upsertRecord(
  table: Knex.QueryBuilder,
  key: Record<string, unknown>,
  fields: object,
  at: Date,
): Promise<void> {
  const changes = { ...asColumns(fields), updated_at: at };
  await table
    .insert({ ...key, ...changes, created_at: at })
    .onConflict(Object.keys(key))
    .merge(Object.keys(changes));
}
