/**
 * A Map from a number to a mutable slot, created on first use, with the last slot cached in front: a log asks
 * for the same day and hour line after line, and a comparison is cheaper than a hash lookup.
 */
export class RecentKeyMap<V> {
  readonly map = new Map<number, V>();
  private lastKey = NaN;
  private last: V | undefined;

  constructor(private readonly create: () => V) {}

  slot(key: number): V {
    if (key === this.lastKey) return this.last!;
    let value = this.map.get(key);
    if (value === undefined) this.map.set(key, (value = this.create()));
    this.lastKey = key;
    return (this.last = value);
  }
}
