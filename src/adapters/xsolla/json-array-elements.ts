/**
 * The objects of a top-level JSON array, each as its source text, from a stream of bytes: the array is never held
 * whole, so an export of millions of transactions streams through. Only the structure is scanned (brackets
 * outside strings); each element is parsed by the caller. Throws a message on anything but an array of objects.
 */
export async function* jsonArrayElements(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let ended = false;
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = depth >= 2 ? 0 : -1;
    for (let at = 0; at < chunk.length; at += 1) {
      const byte = chunk[at]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (depth >= 2) {
        if (byte === QUOTE) inString = true;
        else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
        else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
          depth -= 1;
          if (depth === 1) {
            pending.push(chunk.subarray(start, at + 1));
            yield Buffer.concat(pending).toString('utf8');
            pending = [];
            start = -1;
          }
        }
      } else if (!isSpace(byte)) {
        if (ended) throw new Error('text follows the end of the array');
        if (depth === 0) {
          if (byte !== OPEN_ARRAY) throw new Error('the file must hold a JSON array of transactions');
          depth = 1;
        } else if (byte === OPEN_OBJECT) {
          depth = 2;
          start = at;
        } else if (byte === CLOSE_ARRAY) {
          ended = true;
        } else if (byte !== COMMA) {
          throw new Error('the array must hold objects, one per transaction');
        }
      }
    }
    if (start !== -1) pending.push(chunk.subarray(start));
  }
  if (!ended) throw new Error('the JSON array is cut short');
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
