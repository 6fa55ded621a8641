/**
 * One table per date, as GoAccess keeps one map per date: each stays small (a day's keys, not the log's), so it
 * needs no date in its keys, grows by a day's size at most, and its probes stay in cache. A log runs through its
 * dates in order, so the last date's table is kept at hand.
 */
export class ByDate<T extends { size: number }> {
  private readonly tables = new Map<number, T>();
  private lastDate = NaN;
  private last: T | null = null;

  /** `create(expected)`: a table for about `expected` keys, the size of the last date's: days of a log are alike. */
  constructor(private readonly create: (expected: number) => T) {}

  of(date: number): T {
    if (date === this.lastDate) return this.last!;
    let table = this.tables.get(date);
    if (!table) this.tables.set(date, (table = this.create(this.last?.size ?? 0)));
    this.lastDate = date;
    this.last = table;
    return table;
  }
}
