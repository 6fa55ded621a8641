import { CounterColumn } from './counter-column';
import { KeyNumbers } from './key-numbers';

/**
 * PanelVisitors for a panel whose row follows from the visitor itself — hosts, OS, browsers: a visitor is one
 * (host, agent, date), so it has one row there. GoAccess's pair (row number, visitor number) is then new exactly
 * at the visitor's first counted line, unless the same two numbers were paired the other way round on that date
 * (see PanelVisitors): kept as each visitor's row number, with no set of pairs at all.
 */
export class OwnedPanelVisitors {
  private keys = new KeyNumbers();
  /** Per visitor number: the number of its row here (0: not counted yet). */
  private rowNumberOf = new CounterColumn();
  readonly counts = new CounterColumn();

  /**
   * As PanelVisitors.add; `visitorDate(n)` is the date of visitor number n. `numbered`: the line's visitor was seen
   * on an earlier line of its date, so its keys here, which follow from it, are numbered already; unless the visitor
   * is now counted for the first time, the line then changes nothing and their look-ups are spared.
   */
  add(
    date: number,
    key: number,
    item: number,
    visitor: number,
    visitorDate: (visitor: number) => number,
    categoryKey: number,
    numbered: boolean,
  ): void {
    if (numbered && (visitor === 0 || this.rowNumberOf.get(visitor) !== 0)) return;
    const number = this.keys.numberOf(date, key);
    if (visitor > 0 && !this.rowNumberOf.get(visitor)) {
      this.rowNumberOf.set(visitor, number);
      // The pair the other way round: visitor number `number` (of this date) counted for the row numbered `visitor`.
      const reversed = number !== visitor && this.rowNumberOf.get(number) === visitor && visitorDate(number) === date;
      if (!reversed) this.counts.add(item, 1);
    }
    if (categoryKey >= 0) this.keys.numberOf(date, categoryKey);
  }

  get(item: number): number {
    return this.counts.get(item);
  }

  /**
   * As PanelVisitors.closeThrough; visitor numbers below `firstOpenVisitor` are all of such dates. A check of the
   * pair the other way round may still read the row number of one of them: it reads 0, and the visitor's date,
   * being closed, is not the line's anyway.
   */
  closeThrough(date: number, firstOpenVisitor: number): void {
    this.keys.dropThrough(date);
    this.rowNumberOf.dropBelow(firstOpenVisitor);
  }

  /** As PanelVisitors.release. */
  release(): void {
    this.keys = new KeyNumbers();
    this.rowNumberOf = new CounterColumn();
  }
}
