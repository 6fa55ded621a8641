import { DateTable } from './by-date';
import { slotsFor } from './int-pair-hash';
import { PackedRows } from './packed-rows';

/**
 * An open-addressing table of int32 rows, `width` ints a slot in one flat typed array, whose `mark` column is 0 in
 * an empty slot; a new table is the zero-filled memory the system hands out, with no pass to fill it. What the
 * tables of a date (ByDate) do with any of them: list their rows, empty them, fill them again.
 */
export abstract class SlotTable implements DateTable {
  protected entries: Int32Array;
  protected mask: number;
  size = 0;

  /** `expected`: how many rows it will likely hold, so that it need not grow to get there. */
  constructor(
    private readonly width: number,
    private readonly mark: number,
    expected: number,
  ) {
    this.mask = slotsFor(expected) - 1;
    this.entries = new Int32Array(width * (this.mask + 1));
  }

  /** Its rows, packed (see ByDate). */
  pack(): PackedRows {
    return PackedRows.of(this.entries, this.width, this.mark);
  }

  /** Empties it, keeping its slots: a table for another date. */
  clear(): void {
    this.entries.fill(0);
    this.size = 0;
  }

  /** Adds the rows `packed` holds. */
  restore(packed: PackedRows): void {
    const rows = packed.rows();
    for (let at = 0; at < rows.length; at += this.width) this.insertRow(rows, at);
  }

  /** Adds the row that starts at `at` in `rows`. */
  protected abstract insertRow(rows: Int32Array, at: number): void;
}
