import { CounterColumn } from './counter-column';
import { DatedNumbers } from './dated-numbers';

/**
 * GoAccess's numbers for one panel's keys: each (date, key) gets the next number of the panel's sequence when first
 * seen (src/gkhash.c, ht_insert_keymap). A log runs through its dates in order, so each key's last (date, number)
 * is kept beside it and the map is asked only when the date changes.
 */
export class KeyNumbers {
  private readonly numbers = new DatedNumbers();
  private readonly lastDate = new CounterColumn();
  private readonly lastNumber = new CounterColumn();

  /** The number of `key` on `date`; `slot` is a small dense id of the key (for the cache beside it). */
  numberOf(date: number, key: number, slot: number): number {
    if (this.lastDate.get(slot) === date) return this.lastNumber.get(slot);
    const number = this.numbers.numberOf(date, key, 0);
    this.lastDate.set(slot, date);
    this.lastNumber.set(slot, number);
    return number;
  }
}
