import { hasZeroByte, ONES } from './byte-views';
import { findTokenEnd } from './log-format';

const BACKSLASHES = 0x5c * ONES;

/**
 * findTokenEnd for a token's first `delimiter` (`view` is a DataView of `buf`): words of four bytes with neither
 * the delimiter nor a backslash are stepped over at once, and the byte loop takes over at the first word that has
 * one. A log's tokens are mostly such words (a user agent's 120 bytes: 30 steps rather than 120).
 */
export function findFirstTokenEnd(view: DataView, buf: Buffer, at: number, end: number, delimiter: number): number {
  const delimiters = delimiter * ONES;
  let i = at;
  while (i + 4 <= end) {
    const word = view.getInt32(i);
    if (hasZeroByte(word ^ delimiters) || hasZeroByte(word ^ BACKSLASHES)) break;
    i += 4;
  }
  return findTokenEnd(buf, i, end, delimiter, 1);
}
