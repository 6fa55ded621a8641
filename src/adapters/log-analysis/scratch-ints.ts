/**
 * A buffer of int32s lent again and again for work that ends before the next loan (packing a date's table): fresh
 * arrays, dropped at once, would wait for the garbage collector, and V8 collects them only when its own heap fills,
 * which a loop that allocates nothing seldom does, so they would add to the peak memory.
 */
export class ScratchInts {
  private ints = new Int32Array(0);

  /** `length` int32s, valid until the next call; not zeroed. */
  of(length: number): Int32Array {
    if (this.ints.length < length) this.ints = new Int32Array(Math.max(length, this.ints.length * 2));
    return this.ints.subarray(0, length);
  }
}
