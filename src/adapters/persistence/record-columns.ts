import { Knex } from 'knex';
import { insertedId } from './inserted-id';
import { memoizedName } from './memoized-name';

/**
 * A domain record as the row that stores it: each camelCase field written to its snake_case column
 * (`balanceBefore` to `balance_before`), the inverse of `rowParser`.
 */
export const asColumns = (record: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).map(([field, value]) => [columnOf(field), value]));

const columnOf = memoizedName((field) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));

/** Inserts a record as one row of a table with a generated id, and answers the record with that id. */
export async function insertRecord<T extends object>(table: Knex.QueryBuilder, record: T): Promise<{ id: number } & T> {
  const result: unknown = await table.insert(asColumns(record));
  return { id: insertedId(result), ...record };
}
