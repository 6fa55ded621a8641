import { slotOf } from './int-pair-hash';
import { dropMemory } from './dropped-memory';
import { SlotTable } from './slot-table';

/**
 * int32 keys to int32 values > 0, in one flat typed array: 8 bytes a slot. A zero value marks an empty slot, so a
 * new table is the zero-filled memory the system hands out, with no pass to fill it.
 */
export class IntMap extends SlotTable {
  /** True when the last `valueOf` call added the key. */
  lastWasNew = false;

  /** `expected`: how many it will likely hold, so that it need not grow to get there. */
  constructor(expected = 0) {
    super(2, 1, expected);
  }

  /** The key's value; when the key is new, `value` (> 0) becomes it. */
  override valueOf(key: number, value: number): number {
    const entries = this.entries;
    let slot = slotOf(key, 0, this.mask);
    for (;;) {
      const found = entries[2 * slot + 1]!;
      if (found === 0) {
        entries[2 * slot] = key;
        entries[2 * slot + 1] = value;
        this.lastWasNew = true;
        if (++this.size * 10 > this.mask * 7) this.grow();
        return value;
      }
      if (entries[2 * slot] === key) {
        this.lastWasNew = false;
        return found;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The key's value, 0 when it has none. */
  get(key: number): number {
    const entries = this.entries;
    let slot = slotOf(key, 0, this.mask);
    for (;;) {
      const found = entries[2 * slot + 1]!;
      if (found === 0 || entries[2 * slot] === key) return found;
      slot = (slot + 1) & this.mask;
    }
  }

  protected override insertRow(rows: Int32Array, at: number): void {
    this.valueOf(rows[at]!, rows[at + 1]!);
  }

  private grow(): void {
    const old = this.entries;
    dropMemory(old.byteLength);
    this.entries = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    const entries = this.entries;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = slotOf(old[from]!, 0, this.mask);
      while (entries[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      entries[2 * slot] = old[from]!;
      entries[2 * slot + 1] = old[from + 1]!;
    }
  }
}
