import { Knex } from 'knex';

/**
 * Inserts `row`, or leaves the row that holds the same `key` as it is, but locked: on MySQL an
 * `INSERT … ON DUPLICATE KEY UPDATE` takes the existing row's exclusive lock at once, where a plain insert failing as
 * a duplicate takes a shared lock that every waiter then tries to upgrade (a deadlock per waiter). The update is a
 * no-op on purpose: should the duplicate be on the generated id instead (`GeneratedIdTakenError`), the statement
 * lands on another row, which must stay as it was. So the caller reads its row back by `key` and, not finding it,
 * knows its insert was not written.
 */
export async function insertOrLock(
  db: Knex,
  table: string,
  key: Record<string, unknown>,
  row: Record<string, unknown>,
): Promise<void> {
  const [first] = Object.keys(key) as [string];
  await db(table)
    .insert({ ...key, ...row })
    .onConflict(Object.keys(key))
    .merge({ [first]: db.ref(first) });
}
