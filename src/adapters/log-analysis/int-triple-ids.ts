/**
 * An exact set of (a, b, c) non-negative int32 triples — unique visitors as (host id, user-agent id, date) —
 * in flat typed arrays, each numbered in the order first seen: 16 bytes a slot instead of a string key per visitor.
 */
export class IntTripleIds {
  private keys = new Int32Array(4 * 4096).fill(-1);
  private mask = 4095;
  size = 0;
  /** True when the last `idOf` call added the triple. */
  lastWasNew = false;

  /** The triple's number (0, 1, 2… in the order first seen), adding it when new. */
  idOf(a: number, b: number, c: number): number {
    let slot = this.slotOf(a, b, c);
    const keys = this.keys;
    for (;;) {
      const at = slot * 4;
      const first = keys[at]!;
      if (first === -1) {
        keys[at] = a;
        keys[at + 1] = b;
        keys[at + 2] = c;
        keys[at + 3] = this.size;
        this.lastWasNew = true;
        if (++this.size * 10 > this.mask * 7) this.grow();
        return this.size - 1;
      }
      if (first === a && keys[at + 1] === b && keys[at + 2] === c) {
        this.lastWasNew = false;
        return keys[at + 3]!;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(a: number, b: number, c: number): number {
    let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
    hash ^= hash >>> 15;
    return Math.imul(hash, 0x2c1b3c6d) >>> 7 & this.mask;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    const keys = this.keys;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from] === -1) continue;
      let slot = this.slotOf(old[from]!, old[from + 1]!, old[from + 2]!);
      while (keys[slot * 4] !== -1) slot = (slot + 1) & this.mask;
      keys.set(old.subarray(from, from + 4), slot * 4);
    }
  }
}
