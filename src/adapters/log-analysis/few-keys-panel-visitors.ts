import { CounterColumn } from './counter-column';
import { FewKeyNumbers } from './few-key-numbers';

const MAX_KEYS = 64;

/**
 * PanelVisitors for a panel of at most 64 keys — hours of the day, status codes: each visitor keeps the keys it was
 * counted for as bits, so there is no set of pairs. GoAccess's quirk stays (see PanelVisitors): a pair is not new
 * when visitor number `number` (of the same date) was counted for the key numbered `visitor`.
 */
export class FewKeysPanelVisitors {
  private keys = new FewKeyNumbers();
  private readonly bitOfSlot = new CounterColumn();
  private bitsUsed = 0;
  /** Per visitor number, the bits of the keys it was counted for (see newBits). */
  private bits = newBits();
  /** Per key number: its key's bit + 1 (0 for a category), and its date. */
  private bitOfNumber = new CounterColumn();
  private dateOfNumber = new CounterColumn();
  private highest = 0;
  readonly counts = new CounterColumn();

  /** As PanelVisitors.add; `visitorDate(n)` is the date of visitor number n. */
  add(
    date: number,
    key: number,
    item: number,
    visitor: number,
    visitorDate: (visitor: number) => number,
    categoryKey = -1,
  ): void {
    const number = this.keys.numberOf(date, key);
    const bit = this.bitOf(item);
    if (number > this.highest) {
      this.highest = number;
      this.bitOfNumber.set(number, bit + 1);
      this.dateOfNumber.set(number, date);
    }
    if (visitor > 0 && !this.has(visitor, bit)) {
      this.mark(visitor, bit);
      const otherBit = this.bitOfNumber.get(visitor) - 1;
      const reversed =
        number !== visitor &&
        otherBit >= 0 &&
        this.dateOfNumber.get(visitor) === date &&
        visitorDate(number) === date &&
        this.has(number, otherBit);
      if (!reversed) this.counts.add(item, 1);
    }
    if (categoryKey >= 0) this.highest = Math.max(this.highest, this.keys.numberOf(date, categoryKey));
  }

  get(item: number): number {
    return this.counts.get(item);
  }

  /** As OwnedPanelVisitors.closeThrough. */
  closeThrough(date: number, firstOpenVisitor: number): void {
    this.keys.dropThrough(date);
    for (const column of this.bits) column.dropBelow(firstOpenVisitor);
  }

  /** As PanelVisitors.release. */
  release(): void {
    this.keys = new FewKeyNumbers();
    this.bits = newBits();
    this.bitOfNumber = new CounterColumn();
    this.dateOfNumber = new CounterColumn();
  }

  private bitOf(slot: number): number {
    let bit = this.bitOfSlot.get(slot) - 1;
    if (bit < 0) {
      if (this.bitsUsed === MAX_KEYS) throw new Error(`a panel of at most ${MAX_KEYS} keys got more`);
      bit = this.bitsUsed++;
      this.bitOfSlot.set(slot, bit + 1);
    }
    return bit;
  }

  private has(visitor: number, bit: number): boolean {
    return (this.bits[bit >>> 4]!.get(visitor) & (1 << (bit & 15))) !== 0;
  }

  private mark(visitor: number, bit: number): void {
    const column = this.bits[bit >>> 4]!;
    column.set(visitor, column.get(visitor) | (1 << (bit & 15)));
  }
}

/**
 * Per visitor number, the bits of the keys it was counted for, 16 to a column (0–15, 16–31…): a column has pages
 * only once a key of its bits is counted, so the status codes' dozen keys take 2 bytes a visitor, the hours' 24 take 4.
 */
const newBits = (): CounterColumn[] => Array.from({ length: MAX_KEYS / 16 }, () => new CounterColumn(Uint16Array));
