import { CollidingHashes } from './colliding-hashes';

/**
 * A flat panel's leaves (requests, hosts): each key's id and hits in columns by leaf, read from the analyser once
 * and then summed, ranked and cut by plain loops; visitors and bytes, summed once, are read by id as they are
 * asked for. One set of columns serves the panels one after another (each is done with them once its rows are
 * made): the report is built while the dropped counting state may still wait for the garbage collector, so each
 * array it asks for would add to the peak memory.
 */
export class LeafColumns {
  readonly ids: Int32Array;
  readonly hits: Int32Array;
  count = 0;
  private visitorsOf: (id: number) => number = () => 0;
  private bytesOf: (id: number) => number = () => 0;
  /** Per leaf that other keys were merged into (see mergeColliding): their ids. */
  private readonly merged = new Map<number, number[]>();

  /** `capacity`: the most leaves a panel will have, so that the columns are asked for once. */
  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.hits = new Int32Array(capacity);
  }

  /** Empties it for a panel whose keys have these visitors and bytes. */
  clear(visitors: (id: number) => number, bytes: (id: number) => number): void {
    this.count = 0;
    this.visitorsOf = visitors;
    this.bytesOf = bytes;
    this.merged.clear();
  }

  push(id: number, hits: number): void {
    this.ids[this.count] = id;
    this.hits[this.count++] = hits;
  }

  visitors(leaf: number): number {
    return this.sum(leaf, this.visitorsOf);
  }

  bytes(leaf: number): number {
    return this.sum(leaf, this.bytesOf);
  }

  /**
   * Keys grouped as GoAccess's djb2-keyed maps group them: two keys whose hashes collide are one row there, under
   * the first one's name, with both keys' counts. `colliding` holds the hashes that more than one key has (few or
   * none), so that the other leaves are passed over at the cost of a set look-up.
   */
  mergeColliding(hashOf: (id: number) => number, colliding: CollidingHashes): void {
    if (!colliding.size) return;
    const first = new Map<number, number>();
    let kept = 0;
    for (let leaf = 0; leaf < this.count; leaf++) {
      const id = this.ids[leaf]!;
      const hash = hashOf(id);
      const owner = colliding.has(hash) ? first.get(hash) : undefined;
      if (owner === undefined) {
        if (colliding.has(hash)) first.set(hash, kept);
        this.ids[kept] = id;
        this.hits[kept++] = this.hits[leaf]!;
        continue;
      }
      this.hits[owner]! += this.hits[leaf]!;
      const merged = this.merged.get(owner);
      if (merged) merged.push(id);
      else this.merged.set(owner, [id]);
    }
    this.count = kept;
  }

  private sum(leaf: number, count: (id: number) => number): number {
    let total = count(this.ids[leaf]!);
    if (this.merged.size) for (const id of this.merged.get(leaf) ?? NONE) total += count(id);
    return total;
  }
}

const NONE: readonly number[] = [];
