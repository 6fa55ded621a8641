import { occupiedEntries, slotOf, slotsFor } from './int-pair-hash';

/**
 * An exact set of (a, b) int32 pairs, a > 0, in one flat typed array: 8 bytes a slot. Zero marks an empty slot, so
 * a new table is the zero-filled memory the system hands out, with no pass to fill it.
 */
export class IntPairSet {
  private keys: Int32Array;
  private mask: number;
  size = 0;

  /** `expected`: how many pairs it will likely hold, so that it need not grow to get there. */
  constructor(expected = 0) {
    this.mask = slotsFor(expected) - 1;
    this.keys = new Int32Array(2 * (this.mask + 1));
  }

  /** Adds the pair; true when it was not there yet. */
  add(a: number, b: number): boolean {
    const keys = this.keys;
    let slot = slotOf(a, b, this.mask);
    for (;;) {
      const first = keys[2 * slot]!;
      if (first === 0) {
        keys[2 * slot] = a;
        keys[2 * slot + 1] = b;
        if (++this.size * 10 > this.mask * 7) this.grow();
        return true;
      }
      if (first === a && keys[2 * slot + 1] === b) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Its pairs side by side (see ByDate). */
  rows(): Int32Array {
    return occupiedEntries(this.keys, 2, 0, this.size);
  }

  /** Empties it, keeping its slots: a table for another date. */
  clear(): void {
    this.keys.fill(0);
    this.size = 0;
  }

  /** Adds the pairs `rows` holds side by side. */
  restore(rows: Int32Array): void {
    for (let at = 0; at < rows.length; at += 2) this.add(rows[at]!, rows[at + 1]!);
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    const keys = this.keys;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      let slot = slotOf(old[from]!, old[from + 1]!, this.mask);
      while (keys[2 * slot] !== 0) slot = (slot + 1) & this.mask;
      keys[2 * slot] = old[from]!;
      keys[2 * slot + 1] = old[from + 1]!;
    }
  }
}
