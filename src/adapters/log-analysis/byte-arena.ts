import { ByteViews, sameBytes } from './byte-views';
import { CounterColumn } from './counter-column';

const BLOCK_BITS = 22;
const OFFSET_MASK = (1 << BLOCK_BITS) - 1;
const MAX_BLOCKS = 1 << (31 - BLOCK_BITS);

/**
 * The bytes of keys by dense id, in blocks that are never moved or copied: growing one big buffer would hold the
 * old and the new copy at once, the peak that sets the process's memory. A key never spans blocks.
 */
export class ByteArena {
  private readonly blocks: Buffer[] = [];
  /** Each block's DataView, and one of the bytes last compared with a key (see sameBytes). */
  private readonly views: DataView[] = [];
  private readonly sources = new ByteViews();
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
    return sameBytes(this.views[where >>> BLOCK_BITS]!, where & OFFSET_MASK, this.sources.of(source), start, length);
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
    this.views.push(new DataView(this.block.buffer, this.block.byteOffset, this.block.byteLength));
    this.blockUsed = 0;
  }
}
