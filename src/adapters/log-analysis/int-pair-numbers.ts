import { slotOf } from './int-triple-set';

/** (a, b) int32 pairs, a > -1, numbered 1, 2, 3… in the order first seen: 12 bytes a slot. */
export class IntPairNumbers {
  private entries = new Int32Array(3 * 4096).fill(-1);
  private mask = 4095;
  size = 0;

  /** The pair's number, giving it the next one when new. */
  numberOf(a: number, b: number): number {
    const entries = this.entries;
    let slot = slotOf(a, b, 0, this.mask);
    for (;;) {
      const at = slot * 3;
      const first = entries[at]!;
      if (first === -1) {
        entries[at] = a;
        entries[at + 1] = b;
        entries[at + 2] = ++this.size;
        if (this.size * 10 > this.mask * 7) this.grow();
        return this.size;
      }
      if (first === a && entries[at + 1] === b) return entries[at + 2]!;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.entries;
    this.entries = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    const entries = this.entries;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from] === -1) continue;
      let slot = slotOf(old[from]!, old[from + 1]!, 0, this.mask);
      while (entries[slot * 3] !== -1) slot = (slot + 1) & this.mask;
      entries.set(old.subarray(from, from + 3), slot * 3);
    }
  }
}
