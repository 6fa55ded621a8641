import { CounterColumn } from './counter-column';

const BLOCK_BITS = 22;
const OFFSET_MASK = (1 << BLOCK_BITS) - 1;
const MAX_BLOCKS = 1 << (31 - BLOCK_BITS);
/** From this length on, a call to memcmp costs less than comparing byte by byte (measured: 80 against 140 ns at 120). */
const NATIVE_COMPARE = 64;

/**
 * The bytes of keys by dense id, in blocks that are never moved or copied: growing one big buffer would hold the
 * old and the new copy at once, the peak that sets the process's memory. A key never spans blocks.
 */
export class ByteArena {
  private readonly blocks: Buffer[] = [];
  private block = Buffer.alloc(0);
  private blockUsed = 0;
  /** Per id: where its bytes are (block index << BLOCK_BITS | offset), and how many. */
  private readonly starts = new CounterColumn();
  private readonly lengths = new CounterColumn();

  /** Keeps source[start..end) as key `id`'s bytes. */
  keep(id: number, source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.blockUsed + length > this.block.length) this.newBlock(length);
    const block = this.block;
    const at = this.blockUsed;
    for (let i = 0; i < length; i++) block[at + i] = source[start + i]!;
    this.starts.set(id, ((this.blocks.length - 1) << BLOCK_BITS) | at);
    this.lengths.set(id, length);
    this.blockUsed += length;
  }

  /** Whether key `id` is exactly source[start..end). */
  holds(id: number, source: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths.get(id) !== length) return false;
    const where = this.starts.get(id);
    const block = this.blocks[where >>> BLOCK_BITS]!;
    // A long key (a user agent, some 120 bytes on most lines) is compared by memcmp, a short one here.
    const offset = where & OFFSET_MASK;
    if (length >= NATIVE_COMPARE) return block.compare(source, start, end, offset, offset + length) === 0;
    const at = offset - start;
    for (let i = start; i < end; i++) if (block[at + i] !== source[i]) return false;
    return true;
  }

  bytes(id: number): Buffer {
    const where = this.starts.get(id);
    const at = where & OFFSET_MASK;
    return this.blocks[where >>> BLOCK_BITS]!.subarray(at, at + this.lengths.get(id));
  }

  /** Small blocks first, so a few keys take little; a key longer than a block gets one of its own. */
  private newBlock(length: number): void {
    if (this.blocks.length === MAX_BLOCKS) throw new Error('more than 2 GiB of distinct keys');
    const size = Math.min(1 << BLOCK_BITS, 4096 << this.blocks.length);
    this.block = Buffer.allocUnsafe(Math.max(size, length));
    this.blocks.push(this.block);
    this.blockUsed = 0;
  }
}
