import { CounterColumn } from './counter-column';
import { ByDate } from './by-date';
import { IntPairSet } from './int-pair-set';
import { KeyNumbers } from './key-numbers';

/**
 * One GoAccess panel's visitor counting, number for number. GoAccess numbers each panel's keys per date from one
 * sequence (a category shares it with its items), numbers visitors from another, and counts a visitor for a key
 * when the pair is new in that date's map — a pair stored with the smaller number first, so (key 5, visitor 7) and
 * (key 7, visitor 5) are one pair to it (src/gkhash.c, u64encode). Counting the same way keeps every row's
 * visitors equal to GoAccess's, that quirk included.
 */
export class PanelVisitors {
  protected keys = new KeyNumbers();
  private pairs = newPairs();
  /** Visitors per item id (the caller's id of the row). */
  readonly counts = new CounterColumn();

  /**
   * A line's key in this panel (and its category's key, for nested panels), on `date`. `visitor` is GoAccess's
   * visitor number (from 1), or 0 for a response that makes no visitor (a 4xx). `item` is the row's dense id.
   */
  add(date: number, key: number, item: number, visitor: number, categoryKey = -1): void {
    const number = this.keys.numberOf(date, key);
    if (visitor > 0) {
      if (this.pairs.of(date).add(Math.min(number, visitor), Math.max(number, visitor))) this.counts.add(item, 1);
    }
    if (categoryKey >= 0) this.keys.numberOf(date, categoryKey);
  }

  get(item: number): number {
    return this.counts.get(item);
  }

  /** Forgets the numbers and pairs of every date up to `date` (see AccessLogAnalyser.closeThrough). */
  closeThrough(date: number): void {
    this.keys.dropThrough(date);
    this.pairs.dropThrough(date);
  }

  /** Drops the numbering and the pairs, keeping the counts: for a report after the last line (no add after it). */
  release(): void {
    this.keys = new KeyNumbers();
    this.pairs = newPairs();
  }
}

/** The pairs of each date apart, as GoAccess keeps them (numbers and visitors are from 1: a pair is never 0). */
const newPairs = () => new ByDate((expected) => new IntPairSet(expected));
