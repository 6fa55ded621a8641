import { slotOf } from './int-pair-hash';
import { dropMemory } from './dropped-memory';
import { SlotTable } from './slot-table';

/**
 * (a, b) int32 pairs to int32 values > 0, in one flat typed array: 12 bytes a slot. A zero value marks an empty
 * slot, so a new table is the zero-filled memory the system hands out, with no pass to fill it.
 */
export class IntPairMap extends SlotTable {
  /** True when the last `valueOf` call added the pair. */
  lastWasNew = false;

  /** `expected`: how many it will likely hold, so that it need not grow to get there. */
  constructor(expected = 0) {
    super(3, 2, expected);
  }

  /** The pair's value; when the pair is new, `value` (> 0) becomes it. */
  override valueOf(a: number, b: number, value: number): number {
    const entries = this.entries;
    let slot = slotOf(a, b, this.mask);
    for (;;) {
      const at = slot * 3;
      const found = entries[at + 2]!;
      if (found === 0) {
        entries[at] = a;
        entries[at + 1] = b;
        entries[at + 2] = value;
        this.lastWasNew = true;
        if (++this.size * 10 > this.mask * 7) this.grow();
        return value;
      }
      if (entries[at] === a && entries[at + 1] === b) {
        this.lastWasNew = false;
        return found;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  protected override insertRow(rows: Int32Array, at: number): void {
    this.valueOf(rows[at]!, rows[at + 1]!, rows[at + 2]!);
  }

  private grow(): void {
    const old = this.entries;
    dropMemory(old.byteLength);
    this.entries = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    const entries = this.entries;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from + 2] === 0) continue;
      let slot = slotOf(old[from]!, old[from + 1]!, this.mask);
      while (entries[slot * 3 + 2] !== 0) slot = (slot + 1) & this.mask;
      entries[slot * 3] = old[from]!;
      entries[slot * 3 + 1] = old[from + 1]!;
      entries[slot * 3 + 2] = old[from + 2]!;
    }
  }
}
