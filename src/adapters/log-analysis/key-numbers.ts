import { ByDate } from './by-date';
import { CounterColumn } from './counter-column';
import { IntMap } from './int-map';

/**
 * GoAccess's numbers for one panel's keys: each (date, key) gets the next number of the panel's sequence when first
 * seen (src/gkhash.c, ht_insert_keymap), from one table per date. A log runs through its dates in order, so each
 * key's last number is kept beside it, and the tables are asked only when it is not of the current date: a number
 * given since the date last changed is of that date, as numbers only grow.
 */
export class KeyNumbers {
  private readonly numbers = new ByDate((expected) => new IntMap(expected));
  private size = 0;
  private date = NaN;
  /** The first number given since the date last changed. */
  private firstOfDate = 1;
  private readonly lastNumber = new CounterColumn();

  /** The number of `key` on `date`; `slot` is a small dense id of the key (for the number kept beside it). */
  numberOf(date: number, key: number, slot: number): number {
    if (date !== this.date) {
      this.date = date;
      this.firstOfDate = this.size + 1;
    }
    const last = this.lastNumber.get(slot);
    if (last >= this.firstOfDate) return last;
    const numbers = this.numbers.of(date);
    const number = numbers.valueOf(key, this.size + 1);
    if (numbers.lastWasNew) this.size++;
    this.lastNumber.set(slot, number);
    return number;
  }
}
