import { PAGE_BITS, PAGE_MASK } from './column-pages';
import { WideColumn } from './wide-column';

/**
 * What a column holds: int32 counts (the default), uint16 lengths or uint8 flags; sums that can pass 2^31 take a
 * WideColumn.
 */
export type ColumnType = Int32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor;

/**
 * A column of counts indexed by a dense key id (see ByteKeyTable), in pages of 65,536: it grows a page at a time
 * and never copies, so no outgrown array waits for the garbage collector while the peak memory is being set.
 */
export class CounterColumn {
  /** null: a page dropped (dropBelow), read as zeros. */
  private readonly pages: (Int32Array | Uint16Array | Uint8Array | null)[] = [];

  constructor(private readonly type: ColumnType = Int32Array) {}

  add(id: number, amount: number): void {
    const page = this.pages[id >>> PAGE_BITS] ?? this.addPages(id);
    page[id & PAGE_MASK]! += amount;
  }

  set(id: number, value: number): void {
    const page = this.pages[id >>> PAGE_BITS] ?? this.addPages(id);
    page[id & PAGE_MASK] = value;
  }

  get(id: number): number {
    const page = this.pages[id >>> PAGE_BITS];
    return page ? page[id & PAGE_MASK]! : 0;
  }

  /** Hands back the memory of every page wholly below `id`: its ids read 0 again. */
  dropBelow(id: number): void {
    for (let page = 0; page < Math.min(id >>> PAGE_BITS, this.pages.length); page++) this.pages[page] = null;
  }

  private addPages(id: number): Int32Array | Uint16Array | Uint8Array {
    while (this.pages.length <= id >>> PAGE_BITS) this.pages.push(null);
    return (this.pages[id >>> PAGE_BITS] = new this.type(1 << PAGE_BITS));
  }
}

/** Hits, bytes and error counts of every key of one panel (URL, route, host, user agent…). */
export class HitColumns {
  readonly hits = new CounterColumn();
  readonly bytes = new WideColumn();
  readonly clientErrors = new CounterColumn();
  readonly serverErrors = new CounterColumn();

  /** `countsErrors`: false when no output shows error counts (they then stay 0). */
  constructor(private readonly countsErrors = true) {}

  add(id: number, bytes: number, status: number): void {
    this.hits.add(id, 1);
    this.bytes.add(id, bytes);
    if (!this.countsErrors) return;
    if (status >= 500) this.serverErrors.add(id, 1);
    else if (status >= 400) this.clientErrors.add(id, 1);
  }
}
