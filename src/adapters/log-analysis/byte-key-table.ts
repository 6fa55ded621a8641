import { ByteArena } from './byte-arena';
import { dropMemory } from './dropped-memory';

/**
 * Interns byte strings (URLs, user agents, hosts) to dense integer ids, keeping their bytes in one arena.
 * Millions of lines turn into hash probes without a per-line string allocation; memory grows with the number of
 * distinct keys only. A probe reads the slot (hash and id side by side), then the key's start and length, then
 * the arena.
 */
export class ByteKeyTable {
  private readonly arena = new ByteArena();
  /** hash, id + 1 per slot (0: empty). */
  private slots = new Int32Array(2 * 2048);
  private mask = 2047;
  size = 0;
  /** True when the last `intern` call added a new key. */
  lastWasNew = false;

  intern(source: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source[i]!, 0x01000193);
    const slots = this.slots;
    let slot = (hash ^ (hash >>> 16)) & this.mask;
    for (;;) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) break;
      if (slots[2 * slot] === hash) {
        const id = entry - 1;
        if (this.arena.holds(id, source, start, end)) {
          this.lastWasNew = false;
          return id;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    this.lastWasNew = true;
    const id = this.size++;
    this.arena.keep(id, source, start, end);
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id + 1;
    if (this.size * 10 > this.mask * 7) this.rehash();
    return id;
  }

  /** Whether key `id` is exactly source[start..end). */
  holds(id: number, source: Uint8Array, start: number, end: number): boolean {
    return this.arena.holds(id, source, start, end);
  }

  /** The key's bytes decoded as UTF-8 (logs carry raw bytes; UTF-8 is what browsers and servers write). */
  text(id: number): string {
    return this.bytes(id).toString('utf8');
  }

  bytes(id: number): Buffer {
    return this.arena.bytes(id);
  }

  private rehash(): void {
    dropMemory(this.slots.byteLength);
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      const hash = old[at]!;
      let slot = (hash ^ (hash >>> 16)) & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = old[at + 1]!;
    }
  }
}
