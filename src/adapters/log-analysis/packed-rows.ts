import { ScratchInts } from './scratch-ints';

/**
 * Rows of `width` int32s (a hash table's entries) packed for keeping, not for looking up: sorted by their first
 * column, each column written as the zigzag varint of its difference from the row before. A date's key numbers,
 * visitor numbers and pairs are close to those of the rows next to them, so a row takes 3 to 6 bytes where the
 * table took 13 to 21. Exact: `rows()` gives back every row (in the sorted order).
 */
export class PackedRows {
  private constructor(
    readonly count: number,
    readonly width: number,
    private readonly bytes: Uint8Array,
  ) {}

  static of(rows: Int32Array, width: number): PackedRows {
    const count = rows.length / width;
    const order = orderByFirstColumn(rows, width, count);
    // Five bytes at most a cell, written into lent scratch, then copied out at their length.
    const out = new Uint8Array(SCRATCH_BYTES.of(Math.ceil((rows.length * 5) / 4)).buffer);
    let at = 0;
    let above = -1;
    for (let i = 0; i < count; i++) {
      const row = order[i]! * width;
      for (let column = 0; column < width; column++) {
        const difference = (rows[row + column]! - (above < 0 ? 0 : rows[above + column]!)) | 0;
        let zigzag = ((difference << 1) ^ (difference >> 31)) >>> 0;
        while (zigzag > 0x7f) {
          out[at++] = (zigzag & 0x7f) | 0x80;
          zigzag >>>= 7;
        }
        out[at++] = zigzag;
      }
      above = row;
    }
    return new PackedRows(count, width, out.slice(0, at));
  }

  /** The rows, in lent scratch: valid until the next call. */
  rows(): Int32Array {
    const { width, bytes } = this;
    const rows = UNPACKED.of(this.count * width);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      let zigzag = 0;
      let shift = 0;
      let byte;
      do {
        byte = bytes[at++]!;
        zigzag |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      const previous = i >= width ? rows[i - width]! : 0;
      rows[i] = (previous + ((zigzag >>> 1) ^ -(zigzag & 1))) | 0;
    }
    return rows;
  }
}

const SCRATCH_BYTES = new ScratchInts();
const UNPACKED = new ScratchInts();
const ORDER = new ScratchInts();
const SORTED = new ScratchInts();
const STARTS = new Int32Array(0x801);

/**
 * The row indexes sorted by their first column (as signed int32), in stable passes of 11 bits over the column's
 * range (a date's numbers: two passes, often one).
 */
function orderByFirstColumn(rows: Int32Array, width: number, count: number): Int32Array {
  let least = 0x7fffffff;
  let most = -0x80000000;
  for (let row = 0; row < count; row++) {
    const value = rows[row * width]!;
    if (value < least) least = value;
    if (value > most) most = value;
  }
  const range = count ? most - least : 0;
  let order = ORDER.of(count);
  let sorted = SORTED.of(count);
  for (let row = 0; row < count; row++) order[row] = row;
  for (let shift = 0; shift === 0 || range / 2 ** shift >= 1; shift += 11) {
    STARTS.fill(0);
    for (let i = 0; i < count; i++) STARTS[(((rows[order[i]! * width]! - least) >>> shift) & 0x7ff) + 1]!++;
    for (let digit = 0; digit < 0x800; digit++) STARTS[digit + 1]! += STARTS[digit]!;
    for (let i = 0; i < count; i++) {
      const row = order[i]!;
      sorted[STARTS[((rows[row * width]! - least) >>> shift) & 0x7ff]!++] = row;
    }
    [order, sorted] = [sorted, order];
  }
  return order;
}
