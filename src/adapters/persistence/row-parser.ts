import { z } from 'zod';

/**
 * A function that checks a database row against a schema written in the domain's field names: the row's
 * snake_case columns are read as camelCase fields (`balance_before` as `balanceBefore`), unknown columns dropped.
 */
export const rowParser =
  <T>(schema: z.ZodType<T>) =>
  (row: unknown): T =>
    schema.parse(camelCaseKeys(row));

function camelCaseKeys(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column.replace(/_([a-z0-9])/g, (_underscore, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}
