/**
 * An exact set of (a, b, c) non-negative int32 triples — unique visitors as (host id, user-agent id, date) —
 * in flat typed arrays: 12 bytes a slot instead of a string key per visitor.
 */
export class IntTripleSet {
  private keys = new Int32Array(3 * 4096).fill(-1);
  private mask = 4095;
  size = 0;

  /** Adds the triple; true when it was not there yet. */
  add(a: number, b: number, c: number): boolean {
    let slot = this.slotOf(a, b, c);
    const keys = this.keys;
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

  private slotOf(a: number, b: number, c: number): number {
    let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
    hash ^= hash >>> 15;
    return Math.imul(hash, 0x2c1b3c6d) >>> 7 & this.mask;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] !== -1) this.add(old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}
