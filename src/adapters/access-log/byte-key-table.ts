/**
 * Interns byte strings (URLs, user agents, hosts) to dense integer ids, keeping their bytes in one arena.
 * Millions of lines turn into hash probes without a per-line string allocation; memory grows with the number of
 * distinct keys only. A probe reads the slot (hash and id side by side), then the key's (start, length) pair,
 * then the arena: three cache lines, which is what the hot path pays.
 */
export class ByteKeyTable {
  private arena = Buffer.allocUnsafe(1 << 16);
  private arenaUsed = 0;
  /** start, length per id. */
  private spans = new Int32Array(2 * 1024);
  /** hash, id + 1 per slot (0: empty). */
  private slots = new Int32Array(2 * 2048);
  private mask = 2047;
  size = 0;
  /** True when the last `intern` call added a new key. */
  lastWasNew = false;

  intern(source: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source[i]!, 0x01000193);
    const length = end - start;
    const slots = this.slots;
    const spans = this.spans;
    const arena = this.arena;
    let slot = (hash ^ (hash >>> 16)) & this.mask;
    for (;;) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) break;
      if (slots[2 * slot] === hash) {
        const id = entry - 1;
        if (spans[2 * id + 1] === length) {
          const at = spans[2 * id]!;
          let i = 0;
          while (i < length && arena[at + i] === source[start + i]) i++;
          if (i === length) {
            this.lastWasNew = false;
            return id;
          }
        }
      }
      slot = (slot + 1) & this.mask;
    }
    this.lastWasNew = true;
    return this.add(source, start, length, hash, slot);
  }

  /** The key's bytes decoded as UTF-8 (logs carry raw bytes; UTF-8 is what browsers and servers write). */
  text(id: number): string {
    const start = this.spans[2 * id]!;
    return this.arena.toString('utf8', start, start + this.spans[2 * id + 1]!);
  }

  bytes(id: number): Buffer {
    const start = this.spans[2 * id]!;
    return this.arena.subarray(start, start + this.spans[2 * id + 1]!);
  }

  private add(source: Uint8Array, start: number, length: number, hash: number, slot: number): number {
    if (this.arenaUsed + length > this.arena.length) {
      // 1.5x rather than 2x: the arena is the biggest single block, and its growth sets the peak memory.
      const bigger = Buffer.allocUnsafe(Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + length));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    const arena = this.arena;
    const at = this.arenaUsed;
    for (let i = 0; i < length; i++) arena[at + i] = source[start + i]!;
    const id = this.size++;
    if (2 * id === this.spans.length) {
      const bigger = new Int32Array(this.spans.length * 2);
      bigger.set(this.spans);
      this.spans = bigger;
    }
    this.spans[2 * id] = at;
    this.spans[2 * id + 1] = length;
    this.arenaUsed += length;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    if (this.size * 10 > this.mask * 7) this.rehash();
    return id;
  }

  private rehash(): void {
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
