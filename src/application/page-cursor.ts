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
