import { sortInts } from './int-sort';

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
): Set<number> {
  const hashes = scratch.subarray(0, count);
  for (let id = 0; id < count; id++) hashes[id] = hashOf(id);
  const sorted = sortInts(hashes, spare);
  const colliding = new Set<number>();
  for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) colliding.add(sorted[i]!);
  return colliding;
}

/**
 * How many distinct hashes the keys below `count` that `keep` accepts have, given the hashes that collide at all
 * (collidingHashes): each key counts, but a colliding hash only once.
 */
export function distinctCount(
  count: number,
  keep: (id: number) => boolean,
  hashOf: (id: number) => number,
  colliding: ReadonlySet<number>,
): number {
  const seen = new Set<number>();
  let distinct = 0;
  for (let id = 0; id < count; id++) {
    if (!keep(id)) continue;
    if (colliding.size && colliding.has(hashOf(id))) {
      if (seen.has(hashOf(id))) continue;
      seen.add(hashOf(id));
    }
    distinct++;
  }
  return distinct;
}
