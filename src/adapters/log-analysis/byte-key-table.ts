import { CounterColumn } from './counter-column';

const BLOCK_BITS = 22;
const OFFSET_MASK = (1 << BLOCK_BITS) - 1;
const MAX_BLOCKS = 1 << (31 - BLOCK_BITS);

/**
 * Interns byte strings (URLs, user agents, hosts) to dense integer ids, keeping their bytes in one arena.
 * Millions of lines turn into hash probes without a per-line string allocation; memory grows with the number of
 * distinct keys only. A probe reads the slot (hash and id side by side), then the key's start and length, then
 * the arena.
 */
export class ByteKeyTable {
  /**
   * The arena, in blocks that are never moved or copied: growing one big buffer would hold the old and the new
   * copy at once, the peak that sets the process's memory. A key never spans blocks.
   */
  private readonly blocks: Buffer[] = [];
  private block = Buffer.alloc(0);
  private blockUsed = 0;
  /** Per id: where its bytes are (block index << BLOCK_BITS | offset), and how many. */
  private readonly starts = new CounterColumn();
  private readonly lengths = new CounterColumn();
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
    let slot = (hash ^ (hash >>> 16)) & this.mask;
    for (;;) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) break;
      if (slots[2 * slot] === hash) {
        const id = entry - 1;
        if (this.holds(id, source, start, end)) {
          this.lastWasNew = false;
          return id;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    this.lastWasNew = true;
    return this.add(source, start, length, hash, slot);
  }

  /** Whether key `id` is exactly source[start..end). */
  holds(id: number, source: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths.get(id) !== length) return false;
    const where = this.starts.get(id);
    const block = this.blocks[where >>> BLOCK_BITS]!;
    const at = (where & OFFSET_MASK) - start;
    for (let i = start; i < end; i++) if (block[at + i] !== source[i]) return false;
    return true;
  }

  /** The key's bytes decoded as UTF-8 (logs carry raw bytes; UTF-8 is what browsers and servers write). */
  text(id: number): string {
    return this.bytes(id).toString('utf8');
  }

  bytes(id: number): Buffer {
    const where = this.starts.get(id);
    const at = where & OFFSET_MASK;
    return this.blocks[where >>> BLOCK_BITS]!.subarray(at, at + this.lengths.get(id));
  }

  private add(source: Uint8Array, start: number, length: number, hash: number, slot: number): number {
    if (this.blockUsed + length > this.block.length) this.newBlock(length);
    const block = this.block;
    const at = this.blockUsed;
    for (let i = 0; i < length; i++) block[at + i] = source[start + i]!;
    const id = this.size++;
    this.starts.set(id, ((this.blocks.length - 1) << BLOCK_BITS) | at);
    this.lengths.set(id, length);
    this.blockUsed += length;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    if (this.size * 10 > this.mask * 7) this.rehash();
    return id;
  }

  /** Small blocks first, so a table of a few keys stays small; a key longer than a block gets one of its own. */
  private newBlock(length: number): void {
    if (this.blocks.length === MAX_BLOCKS) throw new Error('more than 2 GiB of distinct keys');
    const size = Math.min(1 << BLOCK_BITS, 4096 << this.blocks.length);
    this.block = Buffer.allocUnsafe(Math.max(size, length));
    this.blocks.push(this.block);
    this.blockUsed = 0;
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
