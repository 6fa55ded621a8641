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

  /**
   * The rows of `entries`, `width` int32s each, read where they lie: with `mark` ≥ 0, a hash table's slots, of which
   * those whose int32 at `mark` is 0 are empty; else every row. Its work is done in lent scratch, and the bytes are
   * counted before they are written, so that only the packed bytes are asked for.
   */
  static of(entries: Int32Array, width: number, mark = -1): PackedRows {
    const order = orderByFirstColumn(entries, width, mark);
    const count = order.length;
    // Each cell's zigzag difference from the cell above it (as int32 bits), then their varints.
    const cells = CELLS.of(count * width);
    let length = 0;
    for (let i = 0; i < count; i++) {
      const row = order[i]! * width;
      const above = i ? order[i - 1]! * width : -1;
      for (let column = 0; column < width; column++) {
        const cell = zigzag(entries, row + column, above < 0 ? -1 : above + column);
        cells[i * width + column] = cell;
        length += varintLength(cell);
      }
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (let i = 0; i < cells.length; i++) {
      let value = cells[i]! >>> 0;
      while (value > 0x7f) {
        bytes[at++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
      bytes[at++] = value;
    }
    return new PackedRows(count, width, bytes);
  }

  /** The rows, side by side, in lent scratch: valid until the next call. */
  rows(): Int32Array {
    const { width, bytes } = this;
    const rows = UNPACKED.of(this.count * width);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      let value = 0;
      let shift = 0;
      let byte;
      do {
        byte = bytes[at++]!;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      const previous = i >= width ? rows[i - width]! : 0;
      rows[i] = (previous + ((value >>> 1) ^ -(value & 1))) | 0;
    }
    return rows;
  }
}

const UNPACKED = new ScratchInts();
const CELLS = new ScratchInts();
const ORDER = new ScratchInts();
const SORTED = new ScratchInts();
const STARTS = new Int32Array(0x801);

/** The zigzag form of entries[at] - entries[above] (of entries[at] alone when `above` is -1). */
function zigzag(entries: Int32Array, at: number, above: number): number {
  const difference = (entries[at]! - (above < 0 ? 0 : entries[above]!)) | 0;
  return ((difference << 1) ^ (difference >> 31)) >>> 0;
}

const varintLength = (value: number): number =>
  value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;

/**
 * The indexes of the rows (see PackedRows.of), sorted by their first column (as signed int32), in stable passes of
 * 11 bits over the column's range (a date's numbers: two passes, often one); in lent scratch.
 */
function orderByFirstColumn(entries: Int32Array, width: number, mark: number): Int32Array {
  const slots = entries.length / width;
  let count = 0;
  let least = 0x7fffffff;
  let most = -0x80000000;
  for (let slot = 0; slot < slots; slot++) {
    if (mark >= 0 && entries[slot * width + mark] === 0) continue;
    const value = entries[slot * width]!;
    if (value < least) least = value;
    if (value > most) most = value;
    count++;
  }
  let order = ORDER.of(count);
  let sorted = SORTED.of(count);
  count = 0;
  for (let slot = 0; slot < slots; slot++) if (mark < 0 || entries[slot * width + mark] !== 0) order[count++] = slot;
  const range = count ? most - least : 0;
  for (let shift = 0; shift === 0 || range / 2 ** shift >= 1; shift += 11) {
    STARTS.fill(0);
    for (let i = 0; i < count; i++) STARTS[(((entries[order[i]! * width]! - least) >>> shift) & 0x7ff) + 1]!++;
    for (let digit = 0; digit < 0x800; digit++) STARTS[digit + 1]! += STARTS[digit]!;
    for (let i = 0; i < count; i++) {
      const slot = order[i]!;
      sorted[STARTS[((entries[slot * width]! - least) >>> shift) & 0x7ff]!++] = slot;
    }
    [order, sorted] = [sorted, order];
  }
  return order;
}
