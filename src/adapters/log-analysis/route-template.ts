import { ByteKeyTable } from './byte-key-table';

const ID = Buffer.from(':id');

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHexLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66;

/**
 * Whether a path segment is an identifier: all digits (numeric ids, Discord snowflakes), a UUID, or a long hex
 * string with digits (object ids, hashes) — the parts that vary per resource and not per route.
 */
function isIdentifier(buf: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return false;
  let digits = 0;
  let dashes = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (isDigit(c)) digits++;
    else if (isHexLetter(c)) continue;
    else if (c === 0x2d) dashes++;
    else return false;
  }
  if (digits === length) return true;
  if (dashes === 4 && length === 36) return true;
  return dashes === 0 && length >= 16 && digits > 0;
}

/**
 * Folds a decoded URL to its route template (`/api/v2/users/123?x=1` → `/api/v2/users/:id`): the query string
 * is dropped and identifier segments become `:id`. Interns the template in `routes` and returns its id.
 */
export class RouteTemplater {
  private scratch = Buffer.allocUnsafe(4096);

  constructor(private readonly routes: ByteKeyTable) {}

  routeOf(buf: Uint8Array, start: number, end: number): number {
    let pathEnd = start;
    while (pathEnd < end && buf[pathEnd] !== 0x3f && buf[pathEnd] !== 0x23) pathEnd++;
    if (pathEnd - start + 8 > this.scratch.length) this.scratch = Buffer.allocUnsafe((pathEnd - start) * 2 + 8);
    const out = this.scratch;
    let at = 0;
    let segment = start;
    while (segment <= pathEnd) {
      let segmentEnd = segment;
      while (segmentEnd < pathEnd && buf[segmentEnd] !== 0x2f) segmentEnd++;
      if (isIdentifier(buf, segment, segmentEnd)) {
        at += ID.copy(out, at);
      } else {
        for (let i = segment; i < segmentEnd; i++) out[at++] = buf[i]!;
      }
      if (segmentEnd < pathEnd) out[at++] = 0x2f;
      segment = segmentEnd + 1;
    }
    return this.routes.intern(out, 0, at);
  }
}
