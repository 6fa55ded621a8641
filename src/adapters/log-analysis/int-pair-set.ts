import { slotOf } from './int-pair-hash';
import { dropMemory } from './dropped-memory';
import { SlotTable } from './slot-table';

/**
 * An exact set of (a, b) int32 pairs, a > 0, in one flat typed array: 8 bytes a slot. Zero marks an empty slot, so
 * a new table is the zero-filled memory the system hands out, with no pass to fill it.
 */
export class IntPairSet extends SlotTable {
  /** `expected`: how many it will likely hold, so that it need not grow to get there. */
  constructor(expected = 0) {
    super(2, 0, expected);
  }

  /** Adds the pair; true when it was not there yet. */
  add(a: number, b: number): boolean {
    const keys = this.entries;
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

  protected override insertRow(rows: Int32Array, at: number): void {
    this.add(rows[at]!, rows[at + 1]!);
  }

  private grow(): void {
    const old = this.entries;
    dropMemory(old.byteLength);
    this.entries = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    const keys = this.entries;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      let slot = slotOf(old[from]!, old[from + 1]!, this.mask);
      while (keys[2 * slot] !== 0) slot = (slot + 1) & this.mask;
      keys[2 * slot] = old[from]!;
      keys[2 * slot + 1] = old[from + 1]!;
    }
  }
}
