import { z } from 'zod';

/**
 * How column values arrive from the two drivers, checked on the way into the domain.
 * BIGINTs come from mysql2 as strings (bigNumberStrings) and from better-sqlite3 as numbers; either is refused
 * unless it is a safe integer, so a value beyond 2^53 fails loudly instead of turning into a wrong number.
 */
export const integerColumn = z
  .union([z.number(), z.string().regex(/^-?[0-9]+$/)])
  .transform((value) => Number(value))
  .refine(Number.isSafeInteger, { message: 'not a safe integer' });

/** DATETIME(3): a Date from mysql2 (read as UTC), epoch milliseconds from better-sqlite3 (it binds Dates so). */
export const timestampColumn = z
  .union([z.date(), z.number()])
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), { message: 'not a valid time' });

/** BOOLEAN: TINYINT(1) on MySQL, INTEGER on SQLite. */
export const flagColumn = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);

/** `integerColumn` without a schema object per value, for reads of a million rows; `column` names it in an error. */
export function integerValue(value: unknown, column: string): number {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new Error(`${column} is not a safe integer: ${String(value)}`);
  return number;
}
