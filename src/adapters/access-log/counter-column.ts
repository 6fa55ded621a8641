/** A growable column of counts indexed by a dense key id (see ByteKeyTable); Int32 keeps it at 4 bytes a key. */
export class CounterColumn {
  values: Int32Array | Float64Array;

  /** `wide`: a Float64 column, for sums that can pass 2^31 (bytes). */
  constructor(private readonly wide = false) {
    this.values = wide ? new Float64Array(1024) : new Int32Array(1024);
  }

  add(id: number, amount: number): void {
    if (id >= this.values.length) this.grow(id);
    this.values[id]! += amount;
  }

  get(id: number): number {
    return id < this.values.length ? this.values[id]! : 0;
  }

  private grow(id: number): void {
    let length = this.values.length;
    while (length <= id) length = Math.ceil(length * 1.5);
    const bigger = this.wide ? new Float64Array(length) : new Int32Array(length);
    bigger.set(this.values);
    this.values = bigger;
  }
}

/** Hits, bytes and error counts of every key of one panel (URL, route, host, user agent…). */
export class HitColumns {
  readonly hits = new CounterColumn();
  readonly bytes = new CounterColumn(true);
  readonly clientErrors = new CounterColumn();
  readonly serverErrors = new CounterColumn();

  add(id: number, bytes: number, status: number): void {
    this.hits.add(id, 1);
    this.bytes.add(id, bytes);
    if (status >= 500) this.serverErrors.add(id, 1);
    else if (status >= 400) this.clientErrors.add(id, 1);
  }
}
