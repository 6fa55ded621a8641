import { PackedRows } from './packed-rows';

/** A hash table kept per date: its entries can be packed and put back. */
export interface DateTable {
  readonly size: number;
  /** Its entries, packed. */
  pack(): PackedRows;
  /** Adds the entries `packed` holds (as `pack()` gave them). */
  restore(packed: PackedRows): void;
  /** Empties it, keeping its memory. */
  clear(): void;
}

/** Calls a date's table is left unused at least before it is packed: small tables are not packed back and forth. */
const MIN_IDLE_CALLS = 4096;

/**
 * One table per date, as GoAccess keeps one map per date: each stays small (a day's keys, not the log's), so it
 * needs no date in its keys, grows by a day's size at most, and its probes stay in cache. A log runs through its
 * dates in order, so the last date's table is kept at hand, and a date's table left unused for as many calls as it
 * has entries (its date has most likely ended) is packed (PackedRows: 3 to 6 bytes an entry, not 13 to 21). A line
 * of a packed date, out of order, unpacks its table: exact whatever the order, and the cost of packing and
 * unpacking a table is paid for by the calls it waited, whatever the order.
 */
export class ByDate<T extends DateTable> {
  private readonly open = new Map<number, T>();
  /** When each open date other than the last was last used, in calls. */
  private readonly lastUse = new Map<number, number>();
  private readonly packed = new Map<number, PackedRows>();
  private lastDate = NaN;
  private last: T | null = null;
  /**
   * The table of the last date packed, emptied, for the next date: a log's dates are alike, and memory handed back
   * and asked for again, a table a date, would be held by the allocator in pieces.
   */
  private spare: T | null = null;
  private calls = 0;
  private lastSweep = 0;

  /** `create(expected)`: a table for about `expected` keys, the size of the last date's: days of a log are alike. */
  constructor(private readonly create: (expected: number) => T) {}

  of(date: number): T {
    this.calls++;
    if (date === this.lastDate) return this.last!;
    if (this.last) this.lastUse.set(this.lastDate, this.calls);
    this.packIdle(date);
    let table = this.open.get(date);
    if (!table) {
      const packed = this.packed.get(date);
      table = this.spare ?? this.create(packed?.count ?? this.last?.size ?? 0);
      this.spare = null;
      if (packed) {
        this.packed.delete(date);
        table.restore(packed);
      }
      this.open.set(date, table);
    }
    this.lastUse.delete(date);
    this.lastDate = date;
    this.last = table;
    return table;
  }

  /**
   * Forgets every date up to `date` (YYYYMMDD) for good, open or packed: `--follow`'s closed dates. An open table
   * is kept, emptied, as the spare.
   */
  dropThrough(date: number): void {
    for (const [day, table] of this.open) {
      if (day > date) continue;
      this.open.delete(day);
      this.lastUse.delete(day);
      if (this.spare) continue;
      table.clear();
      this.spare = table;
    }
    for (const day of this.packed.keys()) if (day <= date) this.packed.delete(day);
    if (this.lastDate <= date) {
      this.lastDate = NaN;
      this.last = null;
    }
  }

  /**
   * Packs the open tables left unused long enough, but `coming`'s; looks at them once per as many calls as there
   * are.
   */
  private packIdle(coming: number): void {
    if (this.calls - this.lastSweep < this.open.size) return;
    this.lastSweep = this.calls;
    for (const [date, since] of this.lastUse) {
      const table = this.open.get(date)!;
      if (date === coming || this.calls - since < Math.max(MIN_IDLE_CALLS, table.size)) continue;
      this.open.delete(date);
      this.lastUse.delete(date);
      if (table.size) this.packed.set(date, table.pack());
      table.clear();
      this.spare = table;
    }
  }
}
