/**
 * One table per date, as GoAccess keeps one map per date: each stays small (a day's keys, not the log's), so it
 * needs no date in its keys, grows by a day's size at most, and its probes stay in cache. A log runs through its
 * dates in order, so the last date's table is kept at hand.
 */
export class ByDate<T> {
  private readonly tables = new Map<number, T>();
  private lastDate = NaN;
  private last: T | null = null;

  constructor(private readonly create: () => T) {}

  of(date: number): T {
    if (date === this.lastDate) return this.last!;
    let table = this.tables.get(date);
    if (!table) this.tables.set(date, (table = this.create()));
    this.lastDate = date;
    this.last = table;
    return table;
  }
}
