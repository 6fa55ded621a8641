import { closeSync, openSync, readSync } from 'node:fs';
import { dropMemory } from './dropped-memory';
import { ByteArena } from './byte-arena';
import { ByteViews } from './byte-views';
import { CounterColumn } from './counter-column';
import { WideColumn } from './wide-column';
import { FIELD, LogRecord } from './log-record';
import { inputOf, offsetOf } from './input-place';
import { appendMethodAndProtocol, decodeUrlInto } from './request-key';

/**
 * Interns request keys (see RequestKeyBuilder) to dense ids without keeping most of their bytes: a million-line
 * log has some 400,000 distinct keys, and their bytes were the largest thing the analysis held. Keys are told
 * apart by two 32-bit hashes taken in one pass, four bytes a step: djb2, GoAccess's own key hash, which its panels
 * group keys by anyway (`djb2`), and a multiply-rotate one of the key's words; two distinct keys are one only when
 * both collide, odds of 2^-32 for each pair of keys djb2 puts together (some n² / 2^33 pairs for n keys if it
 * spreads them evenly: 4·10^-9 in all for 400,000 keys). A key whose URL lies in a file that can be read again
 * keeps only that place, its URL's length, method and protocol, and is rebuilt from the file for the rows of the
 * report; any other keeps its bytes.
 */
export class RequestKeyTable {
  /**
   * id + 1 per slot (0: empty), under the top 8 bits of the key's second hash, 4 bytes; each id's two hashes are kept
   * by id, side by side (2·id, 2·id + 1). Those 8 bits spare reading the hashes of most keys a probe passes, so the
   * table can be fuller (3/4) and grow by half rather than double: 2.4 MB of slots for 409,344 keys, not 4. Past
   * 2^24 - 2 keys the ids take the whole slot and every key passed is compared.
   */
  private slots = new Int32Array(2048);
  private readonly hashes = new CounterColumn();
  private tagMask = TAG_MASK;
  private idMask = ~TAG_MASK;
  size = 0;
  /** True when the last `intern` call added a new key. */
  lastWasNew = false;
  /**
   * Per id: its URL's input place + 1 (0: the key's bytes are kept), its URL's length (a longer URL than 65,535 bytes
   * keeps its bytes), and its method + 1 and protocol + 1 (5 and 3 bits): 7 bytes a key.
   */
  private readonly places = new WideColumn();
  private readonly urlLengths = new CounterColumn(Uint16Array);
  private readonly words = new CounterColumn(Uint8Array);
  private readonly kept = new ByteArena();
  private readonly views = new ByteViews();

  /** The id of the key source[start..end), built from `record`; a new key notes where it can be found again. */
  intern(source: Uint8Array, start: number, end: number, record: LogRecord): number {
    let first = 5381;
    let second = 0x2545f491;
    const view = this.views.of(source);
    let i = start;
    // Four bytes a step: djb2 of four bytes at once (33^4, 33^3, 33^2, 33), the second hash of their word.
    for (; i + 4 <= end; i += 4) {
      const word = view.getInt32(i);
      first =
        (Math.imul(first, 1185921) +
          Math.imul(word >>> 24, 35937) +
          Math.imul((word >>> 16) & 255, 1089) +
          Math.imul((word >>> 8) & 255, 33) +
          (word & 255)) |
        0;
      second = Math.imul(second + word, 0x9e3779b1);
      second = (second << 13) | (second >>> 19);
    }
    for (; i < end; i++) {
      const byte = source[i]!;
      first = (Math.imul(first, 33) + byte) | 0;
      second = Math.imul(second + byte, 0x9e3779b1);
      second = (second << 13) | (second >>> 19);
    }
    const slots = this.slots;
    const tag = second & this.tagMask;
    let slot = slotOf(first, slots.length);
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      if ((entry & this.tagMask) === tag) {
        const id = (entry & this.idMask) - 1;
        if (this.hashes.get(2 * id) === first && this.hashes.get(2 * id + 1) === second) {
          this.lastWasNew = false;
          return id;
        }
      }
      if (++slot === slots.length) slot = 0;
    }
    this.lastWasNew = true;
    const id = this.size++;
    this.describe(id, source, start, end, record);
    this.hashes.set(2 * id, first);
    this.hashes.set(2 * id + 1, second);
    if ((id + 1) & this.tagMask) {
      this.tagMask = 0;
      this.idMask = -1;
      this.place(slots.length);
    } else if (this.size * 4 > slots.length * 3) this.place(Math.floor(slots.length * 1.5));
    else slots[slot] = tag | (id + 1);
    return id;
  }

  /** Key `id`'s djb2 hash (as int32): GoAccess keys its panels' rows by it. */
  djb2(id: number): number {
    return this.hashes.get(2 * id);
  }

  /**
   * A reader of keys' bytes for the report; `inputs` are the input names by index (as the places were given).
   * It holds the files open until `close`.
   */
  reader(inputs: readonly string[]): { bytes(id: number): Buffer; close(): void } {
    const files = new Map<number, number>();
    return {
      bytes: (id) => {
        const place = this.places.get(id) - 1;
        if (place < 0) return this.kept.bytes(id);
        const input = inputOf(place);
        let file = files.get(input);
        if (file === undefined) files.set(input, (file = openSync(inputs[input]!, 'r')));
        return this.rebuild(file, offsetOf(place), this.urlLengths.get(id), this.words.get(id));
      },
      close: () => {
        for (const file of files.values()) closeSync(file);
      },
    };
  }

  private describe(id: number, source: Uint8Array, start: number, end: number, record: LogRecord): void {
    const urlLength = record.end(FIELD.url) - record.start(FIELD.url);
    // A URL given as %U and %q apart is joined before decoding: only a key from one stretch of the line is found again.
    if (Number.isNaN(record.urlPlace) || record.start(FIELD.query) >= 0 || urlLength > 0xffff) {
      this.kept.keep(id, source, start, end);
      return;
    }
    this.places.set(id, record.urlPlace + 1);
    this.urlLengths.set(id, urlLength);
    this.words.set(id, record.method + 1 + ((record.protocol + 1) << 5));
  }

  /** The key as RequestKeyBuilder built it: the URL read again and decoded, then its method and protocol. */
  private rebuild(file: number, offset: number, urlLength: number, words: number): Buffer {
    const method = (words & 31) - 1;
    const protocol = (words >>> 5) - 1;
    const raw = Buffer.allocUnsafe(urlLength);
    if (readSync(file, raw, 0, urlLength, offset) !== urlLength)
      throw new Error('an access log was cut short while it was being analysed');
    const key = Buffer.allocUnsafe(urlLength + 64);
    const at = appendMethodAndProtocol(key, decodeUrlInto(key, 0, raw, 0, urlLength), method, protocol);
    return key.subarray(0, at);
  }

  /** New slots, `count` of them, filled with every id from its hashes: the old slots are not read. */
  private place(count: number): void {
    dropMemory(this.slots.byteLength);
    const slots = (this.slots = new Int32Array(count));
    for (let id = 0; id < this.size; id++) {
      let slot = slotOf(this.hashes.get(2 * id), count);
      while (slots[slot] !== 0) if (++slot === count) slot = 0;
      slots[slot] = (this.hashes.get(2 * id + 1) & this.tagMask) | (id + 1);
    }
  }
}

/** The bits of a slot that hold 8 bits of a key's second hash, while the ids fit in the others. */
const TAG_MASK = 0xff000000 | 0;

/**
 * The first slot to probe for a key of djb2 hash `hash`, mixed first (djb2 gives keys that differ in their last byte
 * neighbouring hashes), then scaled to the slots by a multiplication rather than a division (`%`), which cost more.
 */
function slotOf(hash: number, count: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return Math.floor((((mixed ^ (mixed >>> 16)) >>> 0) * count) / 2 ** 32);
}
