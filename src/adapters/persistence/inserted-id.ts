import { integerColumn } from './column-values';

/**
 * The generated id of a single-row insert: knex answers `[id]` on both MySQL (insertId, possibly a string with
 * bigNumberStrings) and SQLite (lastInsertRowid).
 */
export function insertedId(result: unknown): number {
  if (!Array.isArray(result) || result.length !== 1) {
    throw new Error(`An insert answered ${JSON.stringify(result)} instead of one generated id`);
  }
  return integerColumn.parse(result[0]);
}
