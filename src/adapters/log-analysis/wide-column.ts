import { PAGE_BITS, PAGE_MASK } from './column-pages';

const HIGH_UNIT = 2 ** 32;

/**
 * A column of whole numbers from 0 to 2^53 (sums of bytes, places in files) by dense id, 4 bytes a key rather than
 * a double's 8: a number's low 32 bits in a page of Uint32, its high part in a page of its own, asked for only when
 * a key of its page needs one (a key's bytes past 4 GiB, a place in an input after the first).
 */
export class WideColumn {
  private readonly low: Uint32Array[] = [];
  private readonly high: (Uint32Array | undefined)[] = [];

  add(id: number, amount: number): void {
    const page = id >>> PAGE_BITS;
    const low = this.low[page] ?? this.addPages(page);
    const sum = low[id & PAGE_MASK]! + amount;
    if (sum < HIGH_UNIT) low[id & PAGE_MASK] = sum;
    else this.set(id, sum + (this.high[page]?.[id & PAGE_MASK] ?? 0) * HIGH_UNIT);
  }

  set(id: number, value: number): void {
    const page = id >>> PAGE_BITS;
    (this.low[page] ?? this.addPages(page))[id & PAGE_MASK] = value % HIGH_UNIT;
    const high = Math.floor(value / HIGH_UNIT);
    if (high || this.high[page]) (this.high[page] ??= new Uint32Array(1 << PAGE_BITS))[id & PAGE_MASK] = high;
  }

  get(id: number): number {
    const page = id >>> PAGE_BITS;
    const low = this.low[page];
    if (!low) return 0;
    const high = this.high[page];
    return low[id & PAGE_MASK]! + (high ? high[id & PAGE_MASK]! * HIGH_UNIT : 0);
  }

  private addPages(page: number): Uint32Array {
    while (this.low.length <= page) this.low.push(new Uint32Array(1 << PAGE_BITS));
    return this.low[page]!;
  }
}
