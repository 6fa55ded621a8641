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
    let length = 0;
    forEachDifference(rows, width, order, (zigzag) => (length += varintLength(zigzag)));
    const bytes = new Uint8Array(length);
    let at = 0;
    forEachDifference(rows, width, order, (zigzag) => {
      while (zigzag > 0x7f) {
        bytes[at++] = (zigzag & 0x7f) | 0x80;
        zigzag >>>= 7;
      }
      bytes[at++] = zigzag;
    });
    return new PackedRows(count, width, bytes);
  }

  rows(): Int32Array {
    const { width, bytes } = this;
    const rows = new Int32Array(this.count * width);
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

/** Each cell's zigzag difference from the cell above it, rows taken in `order`. */
function forEachDifference(rows: Int32Array, width: number, order: Int32Array, take: (zigzag: number) => void): void {
  for (let i = 0; i < order.length; i++) {
    const row = order[i]! * width;
    const above = i > 0 ? order[i - 1]! * width : -1;
    for (let column = 0; column < width; column++) {
      const difference = (rows[row + column]! - (above < 0 ? 0 : rows[above + column]!)) | 0;
      take(((difference << 1) ^ (difference >> 31)) >>> 0);
    }
  }
}

const varintLength = (value: number): number =>
  value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;

/** The row indexes sorted by their first column (as signed int32), in three stable passes of 11 bits. */
function orderByFirstColumn(rows: Int32Array, width: number, count: number): Int32Array {
  const key = (row: number): number => (rows[row * width]! ^ 0x80000000) >>> 0;
  let order = new Int32Array(count);
  for (let row = 0; row < count; row++) order[row] = row;
  let sorted = new Int32Array(count);
  const starts = new Int32Array(0x801);
  for (const shift of [0, 11, 22]) {
    starts.fill(0);
    for (let i = 0; i < count; i++) starts[((key(order[i]!) >>> shift) & 0x7ff) + 1]!++;
    for (let digit = 0; digit < 0x800; digit++) starts[digit + 1]! += starts[digit]!;
    for (let i = 0; i < count; i++) sorted[starts[(key(order[i]!) >>> shift) & 0x7ff]!++] = order[i]!;
    [order, sorted] = [sorted, order];
  }
  return order;
}
