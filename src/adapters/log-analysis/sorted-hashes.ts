/**
 * One buffer for the sorted hashes the report asks for one after another (a panel's colliding rows, the distinct
 * keys of the general totals): the report is built while the dropped counting state still waits for the garbage
 * collector, so each array it asks for would add to the peak memory.
 */
export class SortedHashes {
  private buffer: Int32Array;

  /** `capacity`: the most hashes it will be asked for at once, so that the buffer is asked for once. */
  constructor(capacity: number) {
    this.buffer = new Int32Array(capacity);
  }

  /** `hashOf(i)` for each i below `count` that `keep` accepts, sorted; valid until the next call. */
  of(count: number, keep: (i: number) => boolean, hashOf: (i: number) => number): Int32Array {
    if (this.buffer.length < count) this.buffer = new Int32Array(count);
    let found = 0;
    for (let i = 0; i < count; i++) if (keep(i)) this.buffer[found++] = hashOf(i);
    return this.buffer.subarray(0, found).sort();
  }
}

/** How many distinct values a sorted array holds. */
export function distinctCount(sorted: Int32Array): number {
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}
