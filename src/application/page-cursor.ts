import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';

/** One page of a list, newest first; `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The opaque `next_cursor` of a list: the id the next page continues below. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

/** The id in a cursor, or null when the cursor was not made by `encodeCursor`. */
export function decodeCursor(cursor: string): number | null {
  const match = /^id:([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && encodeCursor(id) === cursor ? id : null;
}

/** Where a page starts: null for the first page, the cursor's id after it; a forged cursor is refused. */
export function pageStart(cursor: string | undefined): Result<number | null, FailureOf<'InvalidCursor'>> {
  if (cursor === undefined) return ok(null);
  const beforeId = decodeCursor(cursor);
  return beforeId === null ? fail({ type: 'InvalidCursor' }) : ok(beforeId);
}

/** A page of rows read newest first; `more` says whether older rows follow the last one. */
export function pageOf<T extends { id: number }>(rows: T[], more: boolean): Page<T> {
  const last = rows[rows.length - 1];
  return { data: rows, nextCursor: more && last ? encodeCursor(last.id) : null };
}
