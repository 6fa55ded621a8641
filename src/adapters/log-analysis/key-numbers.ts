import { ByDate } from './by-date';
import { IntMap } from './int-map';

/**
 * GoAccess's numbers for one panel's keys: each (date, key) gets the next number of the panel's sequence when first
 * seen (src/gkhash.c, ht_insert_keymap), from one table per date. The number is looked up on every line: a column
 * of each key's last number, which spared the look-up on the key's later lines of a date, took 4 bytes a key (1.75
 * MB for the requests, 1.25 MB for the hosts of a million lines) and saved no time that could be measured.
 */
export class KeyNumbers {
  private readonly numbers = new ByDate((expected) => new IntMap(expected));
  private size = 0;

  /** The number of `key` on `date`. */
  numberOf(date: number, key: number): number {
    const numbers = this.numbers.of(date);
    const number = numbers.valueOf(key, this.size + 1);
    if (numbers.lastWasNew) this.size++;
    return number;
  }

  /** Forgets the numbers of every date up to `date`; the sequence goes on. */
  dropThrough(date: number): void {
    this.numbers.dropThrough(date);
  }
}
