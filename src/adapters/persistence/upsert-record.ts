import { Knex } from 'knex';
import { GeneratedIdTakenError } from './generated-id-taken-error';
import { insertOrLock } from './insert-or-lock';
import { asColumns } from './record-columns';

/**
 * Inserts a record stamped created and updated at `at` or, when a row holds the same unique key, overwrites its
 * fields and update time (its creation time stays). The row is inserted or locked first (`insertOrLock`), so two
 * transactions inserting one key cannot both miss it; the fields are then written to the row that holds the key,
 * which must be there: an insert that met another row under its generated id left that row as it was.
 */
export async function upsertRecord(
  db: Knex,
  table: string,
  key: Record<string, unknown>,
  fields: object,
  at: Date,
): Promise<void> {
  const changes = { ...asColumns(fields), updated_at: at };
  await insertOrLock(db, table, key, { ...changes, created_at: at });
  const written = await db(table).where(key).update(changes);
  if (written !== 1) throw new GeneratedIdTakenError(table);
}
