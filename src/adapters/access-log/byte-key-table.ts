/**
 * Interns byte strings (URLs, user agents, hosts) to dense integer ids, keeping their bytes in one arena.
 * Millions of lines turn into a few Map-free hash probes and no per-line string allocation; memory grows with
 * the number of distinct keys only.
 */
export class ByteKeyTable {
  private arena = Buffer.allocUnsafe(1 << 16);
  private arenaUsed = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Open addressing: id + 1 per slot, 0 when empty. */
  private slots = new Int32Array(2048);
  private mask = 2047;
  size = 0;
  /** True when the last `intern` call added a new key. */
  lastWasNew = false;

  intern(source: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source[i]!, 0x01000193);
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.lengths[id] === length && this.sameBytes(id, source, start, length)) {
        this.lastWasNew = false;
        return id;
      }
      slot = (slot + 1) & this.mask;
    }
    this.lastWasNew = true;
    return this.add(source, start, length, hash, slot);
  }

  /** The key's bytes decoded as UTF-8 (logs carry raw bytes; UTF-8 is what browsers and servers write). */
  text(id: number): string {
    const start = this.starts[id]!;
    return this.arena.toString('utf8', start, start + this.lengths[id]!);
  }

  bytes(id: number): Buffer {
    const start = this.starts[id]!;
    return this.arena.subarray(start, start + this.lengths[id]!);
  }

  private sameBytes(id: number, source: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const at = this.starts[id]!;
    for (let i = 0; i < length; i++) if (arena[at + i] !== source[start + i]) return false;
    return true;
  }

  private add(source: Uint8Array, start: number, length: number, hash: number, slot: number): number {
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + length));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    this.arena.set(source.subarray(start, start + length), this.arenaUsed);
    const id = this.size++;
    if (id === this.starts.length) this.growColumns();
    this.starts[id] = this.arenaUsed;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    this.arenaUsed += length;
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return id;
  }

  private growColumns(): void {
    const grow = (column: Int32Array): Int32Array<ArrayBuffer> => {
      const bigger = new Int32Array(column.length * 2);
      bigger.set(column);
      return bigger;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.hashes = grow(this.hashes);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id]! & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}
