import { CounterColumn } from './counter-column';
import { IntTripleSet } from './int-triple-set';

/**
 * One GoAccess panel's visitor counting, number for number. GoAccess numbers each panel's keys per date from one
 * sequence (a category shares it with its items), numbers visitors from another, and counts a visitor for a key
 * when the pair is new in that date's map — a pair stored with the smaller number first, so (key 5, visitor 7) and
 * (key 7, visitor 5) are one pair to it (src/gkhash.c, u64encode). Counting the same way keeps every row's
 * visitors equal to GoAccess's, that quirk included.
 */
export class PanelVisitors {
  private readonly numbers = new IntTripleSet();
  private readonly pairs = new IntTripleSet();
  /** Visitors per item id (the caller's id of the row). */
  readonly counts = new CounterColumn();

  /**
   * A line's key in this panel (and its category's key, for nested panels), on `date`. `visitor` is GoAccess's
   * visitor number (from 1), or 0 for a response that makes no visitor (a 4xx).
   */
  add(date: number, key: number, item: number, visitor: number, categoryKey = -1): void {
    const number = this.numbers.idOf(date, key, 0) + 1;
    if (visitor > 0) {
      this.pairs.idOf(date, Math.min(number, visitor), Math.max(number, visitor));
      if (this.pairs.lastWasNew) this.counts.add(item, 1);
    }
    if (categoryKey >= 0) this.numbers.idOf(date, categoryKey, 0);
  }

  get(item: number): number {
    return this.counts.get(item);
  }
}
