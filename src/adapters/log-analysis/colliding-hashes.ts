import { sortInts } from './int-sort';

/**
 * The hashes that more than one key has: few or none, so that most look-ups, one for each key of a panel, are
 * answered by a bitmap of their low 16 bits (8 KB) without a look-up in the set.
 */
export class CollidingHashes {
  private readonly hashes = new Set<number>();
  private readonly lowBits = new Int32Array(1 << 11);

  get size(): number {
    return this.hashes.size;
  }

  add(hash: number): void {
    this.hashes.add(hash);
    this.lowBits[(hash & 0xffff) >>> 5]! |= 1 << (hash & 31);
  }

  has(hash: number): boolean {
    return (this.lowBits[(hash & 0xffff) >>> 5]! & (1 << (hash & 31))) !== 0 && this.hashes.has(hash);
  }
}

/**
 * The hashes that more than one of `count` keys has, from one sort of all their hashes in `scratch` and `spare` (at
 * least `count` long each): any panel's or total's keys are some of them, so these are the only hashes they can
 * share, and each of them goes on with a set look-up rather than a sort of its own.
 */
export function collidingHashes(
  count: number,
  hashOf: (id: number) => number,
  scratch: Int32Array,
  spare: Int32Array,
): CollidingHashes {
  const hashes = scratch.subarray(0, count);
  for (let id = 0; id < count; id++) hashes[id] = hashOf(id);
  const sorted = sortInts(hashes, spare);
  const colliding = new CollidingHashes();
  for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) colliding.add(sorted[i]!);
  return colliding;
}

/**
 * For each of `masks`, how many distinct hashes the keys below `count` whose `kindOf` has a bit of that mask have,
 * given the hashes that collide at all (collidingHashes): each key counts, but a colliding hash only once a mask.
 * One pass for all the masks.
 */
export function distinctCounts(
  count: number,
  kindOf: (id: number) => number,
  hashOf: (id: number) => number,
  colliding: CollidingHashes,
  masks: readonly number[],
): number[] {
  const distinct = masks.map(() => 0);
  const seen = masks.map(() => new Set<number>());
  for (let id = 0; id < count; id++) {
    const kind = kindOf(id);
    const own = hashOf(id);
    const hash = colliding.has(own) ? own : null;
    for (let m = 0; m < masks.length; m++) {
      if (!(kind & masks[m]!)) continue;
      if (hash !== null) {
        if (seen[m]!.has(hash)) continue;
        seen[m]!.add(hash);
      }
      distinct[m]!++;
    }
  }
  return distinct;
}
