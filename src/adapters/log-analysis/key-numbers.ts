import { ByDate } from './by-date';
import { CounterColumn } from './counter-column';
import { IntMap } from './int-map';

/**
 * GoAccess's numbers for one panel's keys: each (date, key) gets the next number of the panel's sequence when first
 * seen (src/gkhash.c, ht_insert_keymap), from one table per date. A log runs through its dates in order, so each
 * key's last (date, number) is kept beside it and the tables are asked only when the date changes.
 */
export class KeyNumbers {
  private readonly numbers = new ByDate((expected) => new IntMap(expected));
  private size = 0;
  private readonly lastDate = new CounterColumn();
  private readonly lastNumber = new CounterColumn();

  /** The number of `key` on `date`; `slot` is a small dense id of the key (for the cache beside it). */
  numberOf(date: number, key: number, slot: number): number {
    if (this.lastDate.get(slot) === date) return this.lastNumber.get(slot);
    const numbers = this.numbers.of(date);
    const number = numbers.valueOf(key, this.size + 1);
    if (numbers.lastWasNew) this.size++;
    this.lastDate.set(slot, date);
    this.lastNumber.set(slot, number);
    return number;
  }
}
