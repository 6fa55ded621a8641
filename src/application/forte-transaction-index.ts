import { canonicalAmount, ForteTransactionFacts } from '../domain/reconciliation';
import { XsollaMoney } from '../domain/xsolla-notification';

/** An id of plain digits that a double holds exactly is kept as a number (no string per entry). */
const NUMERIC_ID = /^[1-9][0-9]{0,14}$/;
/** An amount of whole hundredths is kept as a number of cents (no string per entry). */
const CENTS = /^[0-9]{1,13}(\.[0-9]{1,2})?$/;

/**
 * Forte's Xsolla transactions of a reconciliation window, held column by column in typed arrays (a million of them
 * take about 100 MB, where as many objects would take four times that), found by Xsolla's id and ticked off as
 * Xsolla reports them. Ids and amounts are kept as numbers when that loses nothing, else as their text.
 */
export class ForteTransactionIndex {
  private readonly positions = new Map<number | string, number>();
  private count = 0;
  private userIds = new Float64Array(1024);
  private credited = new Float64Array(1024);
  private reversed = new Float64Array(1024);
  /** The amount in cents, or NaN when it is in `amountTexts` (or there is none: currency 0). */
  private cents = new Float64Array(1024);
  /** 0: no payment recorded; else 1 + the currency's place in `currencyNames`. */
  private currencies = new Uint16Array(1024);
  /** 1: paid, 2: reported by Xsolla, 4: in the window proper (not only its margin). */
  private flags = new Uint8Array(1024);
  private readonly amountTexts = new Map<number, string>();
  private readonly currencyNames: string[] = [];

  get size(): number {
    return this.count;
  }

  add(facts: ForteTransactionFacts, inWindow: boolean): void {
    if (this.count === this.flags.length) this.grow();
    const at = this.count;
    this.count += 1;
    this.positions.set(keyOf(facts.transactionId), at);
    this.userIds[at] = facts.userId;
    this.credited[at] = facts.creditedPoints;
    this.reversed[at] = facts.reversedPoints;
    this.flags[at] = (facts.paid ? PAID : 0) | (inWindow ? IN_WINDOW : 0);
    this.currencies[at] = facts.payment ? this.currencyNumber(facts.payment.currency) : 0;
    this.cents[at] = NaN;
    if (!facts.payment) return;
    const { amount } = facts.payment;
    if (CENTS.test(amount)) this.cents[at] = Math.round(Number(amount) * 100);
    else this.amountTexts.set(at, amount);
  }

  /**
   * Ticks off the transaction Xsolla reports: its facts, `null` when Forte does not hold it, or 'seen' when it was
   * ticked off already (Xsolla listed it twice).
   */
  tick(transactionId: string): ForteTransactionFacts | null | 'seen' {
    const at = this.positions.get(keyOf(transactionId));
    if (at === undefined) return null;
    const flags = this.flags[at] ?? 0;
    if (flags & REPORTED) return 'seen';
    this.flags[at] = flags | REPORTED;
    return this.factsAt(transactionId, at);
  }

  /** The transactions of the window proper that Xsolla never reported. */
  *unreported(): Generator<ForteTransactionFacts> {
    for (const [key, at] of this.positions) {
      const flags = this.flags[at] ?? 0;
      if (flags & IN_WINDOW && !(flags & REPORTED)) yield this.factsAt(String(key), at);
    }
  }

  private factsAt(transactionId: string, at: number): ForteTransactionFacts {
    const currency = this.currencies[at] ?? 0;
    const cents = this.cents[at] ?? NaN;
    const amount = Number.isNaN(cents) ? this.amountTexts.get(at) : canonicalAmount((cents / 100).toFixed(2));
    const payment: XsollaMoney | null =
      currency === 0 || amount === undefined ? null : { amount, currency: this.currencyNames[currency - 1] ?? '' };
    return {
      transactionId,
      userId: this.userIds[at] ?? 0,
      paid: Boolean((this.flags[at] ?? 0) & PAID),
      creditedPoints: this.credited[at] ?? 0,
      reversedPoints: this.reversed[at] ?? 0,
      payment,
    };
  }

  private currencyNumber(currency: string): number {
    let at = this.currencyNames.indexOf(currency);
    if (at === -1) at = this.currencyNames.push(currency) - 1;
    return at + 1;
  }

  private grow(): void {
    const grown = <T extends Float64Array | Uint16Array | Uint8Array>(array: T): T => {
      const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
      larger.set(array);
      return larger;
    };
    this.userIds = grown(this.userIds);
    this.credited = grown(this.credited);
    this.reversed = grown(this.reversed);
    this.cents = grown(this.cents);
    this.currencies = grown(this.currencies);
    this.flags = grown(this.flags);
  }
}

const keyOf = (transactionId: string): number | string =>
  NUMERIC_ID.test(transactionId) ? Number(transactionId) : transactionId;

const PAID = 1;
const REPORTED = 2;
const IN_WINDOW = 4;
