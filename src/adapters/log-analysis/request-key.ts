import { ByteViews, hasZeroByte, ONES } from './byte-views';
import { DASH_URL, methodBytes, protocolBytes } from './http-request-line';
import { FIELD, LogRecord } from './log-record';

const PERCENTS = 0x25 * ONES;
const isPlain = (word: number): boolean => !hasZeroByte(word) && !hasZeroByte(word ^ PERCENTS);
/** Views of the bytes last decoded from and into (see ByteViews). */
const SOURCES = new ByteViews();
const OUTPUTS = new ByteViews();
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const hexValue = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;

/**
 * GoAccess's decode_url into `out` at `at`: %XX decoded once (a decoded NUL ends the string, as in C), then
 * blanks trimmed at both ends; a result that trims to nothing keeps the raw bytes instead. Returns the end offset.
 */
export function decodeUrlInto(out: Buffer, at: number, buf: Uint8Array, start: number, end: number): number {
  const outStart = at;
  const from = SOURCES.of(buf);
  const to = OUTPUTS.of(out);
  for (let i = start; i < end; i++) {
    // Words of four bytes with neither a `%` nor a NUL, most of a URL, are copied whole.
    for (let word = 0; i + 4 <= end && isPlain((word = from.getInt32(i))); i += 4, at += 4) to.setInt32(at, word);
    if (i === end) break;
    let c = buf[i]!;
    if (c === 0x25 && i + 2 < end) {
      const high = hexValue(buf[i + 1]!);
      const low = high < 0 ? -1 : hexValue(buf[i + 2]!);
      if (low >= 0) {
        c = high * 16 + low;
        i += 2;
      }
    }
    if (c === 0) break;
    out[at++] = c;
  }
  let first = outStart;
  while (first < at && isSpace(out[first]!)) first++;
  while (at > first && isSpace(out[at - 1]!)) at--;
  if (first === at) {
    if (start === end) return outStart;
    out.set(buf.subarray(start, end), outStart);
    return outStart + (end - start);
  }
  if (first > outStart) out.copyWithin(outStart, first, at);
  return outStart + (at - first);
}

/**
 * Builds the key GoAccess uses for a request (its gen_unique_req_key with the default --http-method and
 * --http-protocol): decoded URL, then `|METHOD` and `|PROTOCOL` when the request line had them.
 * Returns the end of the URL part in `scratch`; `keyEnd` is set to the end of the whole key.
 */
export class RequestKeyBuilder {
  scratch = Buffer.allocUnsafe(1 << 16);
  urlEnd = 0;
  keyEnd = 0;

  build(record: LogRecord): void {
    const needed =
      record.end(FIELD.url) - record.start(FIELD.url) + (record.end(FIELD.query) - record.start(FIELD.query)) + 64;
    if (needed > this.scratch.length) this.scratch = Buffer.allocUnsafe(needed * 2);
    const scratch = this.scratch;
    let at = 0;
    if (record.start(FIELD.query) >= 0) {
      // %U and %q given apart: GoAccess joins them with '?' before decoding.
      at = record.buf.copy(scratch, 0, record.start(FIELD.url), record.end(FIELD.url));
      scratch[at++] = 0x3f;
      at += record.buf.copy(scratch, at, record.start(FIELD.query), record.end(FIELD.query));
      at = decodeUrlInto(scratch, 0, Buffer.from(scratch.subarray(0, at)), 0, at);
    } else if (record.start(FIELD.url) === DASH_URL) {
      scratch[at++] = 0x2d;
    } else {
      at = decodeUrlInto(scratch, 0, record.buf, record.start(FIELD.url), record.end(FIELD.url));
    }
    this.urlEnd = at;
    this.keyEnd = appendMethodAndProtocol(scratch, at, record.method, record.protocol);
  }
}

/**
 * `|METHOD` and `|PROTOCOL` (each when the request line had it, -1 when not) at `at` in `out`, which has room for
 * 32 bytes more: written as a few words of four bytes made once per pair, past the end of the suffix too, where
 * writing them byte by byte took a tenth of building a key. Returns the end of the suffix.
 */
export function appendMethodAndProtocol(out: Buffer, at: number, method: number, protocol: number): number {
  const suffix = (SUFFIXES[(method + 1) * PROTOCOL_SLOTS + protocol + 1] ??= suffixOf(method, protocol));
  const to = OUTPUTS.of(out);
  for (let i = 0; i < suffix.words.length; i++) to.setInt32(at + 4 * i, suffix.words[i]!);
  return at + suffix.length;
}

const PROTOCOL_SLOTS = 8;
const SUFFIXES: ({ words: Int32Array; length: number } | undefined)[] = [];

function suffixOf(method: number, protocol: number): { words: Int32Array; length: number } {
  const parts = [method >= 0 ? methodBytes(method) : null, protocol >= 0 ? protocolBytes(protocol) : null];
  const text = Buffer.concat(parts.flatMap((part) => (part ? [Buffer.from('|'), part] : [])));
  const padded = Buffer.alloc(Math.ceil(text.length / 4) * 4);
  text.copy(padded);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  const words = Int32Array.from({ length: padded.length / 4 }, (_, i) => view.getInt32(4 * i));
  return { words, length: text.length };
}
