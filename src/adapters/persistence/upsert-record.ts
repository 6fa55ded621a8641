import { Knex } from 'knex';
import { GeneratedIdTakenError } from './generated-id-taken-error';
import { insertOrLock } from './insert-or-lock';
import { asColumns } from './record-columns';

/**
 * Inserts a record stamped created and updated at `at` or, when a row holds the same unique key, overwrites its
 * fields and update time (its creation time stays). A row already there takes one UPDATE. Otherwise the row is
 * inserted or locked (`insertOrLock`), so two transactions inserting one key cannot both miss it, and the fields are
 * written to the row that holds the key, which must be there: an insert that met another row under its generated id
 * left that row as it was.
 */
export async function upsertRecord(
  db: Knex,
  table: string,
  key: Record<string, unknown>,
  fields: object,
  at: Date,
): Promise<void> {
  const changes = { ...asColumns(fields), updated_at: at };
  const update = async (): Promise<boolean> => (await db(table).where(key).update(changes)) === 1;
  if (await update()) return;
  await insertOrLock(db, table, key, { ...changes, created_at: at });
  if (!(await update())) throw new GeneratedIdTakenError(table);
}
