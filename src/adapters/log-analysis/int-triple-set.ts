/** An exact set of (a, b, c) int32 triples, a > -1, in one flat typed array: 12 bytes a slot. */
export class IntTripleSet {
  private keys = new Int32Array(3 * 4096).fill(-1);
  private mask = 4095;
  size = 0;

  /** Adds the triple; true when it was not there yet. */
  add(a: number, b: number, c: number): boolean {
    const keys = this.keys;
    let slot = slotOf(a, b, c, this.mask);
    for (;;) {
      const at = slot * 3;
      const first = keys[at]!;
      if (first === -1) {
        keys[at] = a;
        keys[at + 1] = b;
        keys[at + 2] = c;
        if (++this.size * 10 > this.mask * 7) this.grow();
        return true;
      }
      if (first === a && keys[at + 1] === b && keys[at + 2] === c) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    const keys = this.keys;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from] === -1) continue;
      let slot = slotOf(old[from]!, old[from + 1]!, old[from + 2]!, this.mask);
      while (keys[slot * 3] !== -1) slot = (slot + 1) & this.mask;
      keys[slot * 3] = old[from]!;
      keys[slot * 3 + 1] = old[from + 1]!;
      keys[slot * 3 + 2] = old[from + 2]!;
    }
  }
}

export function slotOf(a: number, b: number, c: number, mask: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  hash ^= hash >>> 15;
  return (Math.imul(hash, 0x2c1b3c6d) >>> 7) & mask;
}
