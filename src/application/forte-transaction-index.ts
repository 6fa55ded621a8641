import { ForteTransactionFacts } from '../domain/reconciliation';
import { XsollaMoney } from '../domain/xsolla-notification';

/**
 * Forte's Xsolla transactions of a reconciliation window, held column by column (a million of them fit in about
 * 150 MB, where as many objects would take twice that), found by Xsolla's id and ticked off as Xsolla reports them.
 */
export class ForteTransactionIndex {
  private readonly positions = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly userIds: number[] = [];
  private readonly credited: number[] = [];
  private readonly reversed: number[] = [];
  private readonly createdAt: number[] = [];
  private readonly amounts: (string | null)[] = [];
  private readonly currencies: (string | null)[] = [];
  /** 1: paid, 2: reported by Xsolla, 4: in the window proper (not only its margin). */
  private readonly flags: number[] = [];
  private readonly currencyNames = new Map<string, string>();

  get size(): number {
    return this.ids.length;
  }

  add(facts: ForteTransactionFacts, inWindow: boolean): void {
    this.positions.set(facts.transactionId, this.ids.length);
    this.ids.push(facts.transactionId);
    this.userIds.push(facts.userId);
    this.credited.push(facts.creditedPoints);
    this.reversed.push(facts.reversedPoints);
    this.createdAt.push(facts.createdAt.getTime());
    this.amounts.push(facts.payment?.amount ?? null);
    this.currencies.push(facts.payment ? this.interned(facts.payment.currency) : null);
    this.flags.push((facts.paid ? PAID : 0) | (inWindow ? IN_WINDOW : 0));
  }

  /**
   * Ticks off the transaction Xsolla reports: its facts, `null` when Forte does not hold it, or 'seen' when it was
   * ticked off already (Xsolla listed it twice).
   */
  tick(transactionId: string): ForteTransactionFacts | null | 'seen' {
    const at = this.positions.get(transactionId);
    if (at === undefined) return null;
    const flags = this.flags[at] ?? 0;
    if (flags & REPORTED) return 'seen';
    this.flags[at] = flags | REPORTED;
    return this.factsAt(at);
  }

  /** The transactions of the window proper that Xsolla never reported. */
  *unreported(): Generator<ForteTransactionFacts> {
    for (let at = 0; at < this.ids.length; at += 1) {
      const flags = this.flags[at] ?? 0;
      if (flags & IN_WINDOW && !(flags & REPORTED)) yield this.factsAt(at);
    }
  }

  private factsAt(at: number): ForteTransactionFacts {
    const amount = this.amounts[at] ?? null;
    const currency = this.currencies[at] ?? null;
    const payment: XsollaMoney | null = amount === null || currency === null ? null : { amount, currency };
    return {
      transactionId: this.ids[at] ?? '',
      userId: this.userIds[at] ?? 0,
      paid: Boolean((this.flags[at] ?? 0) & PAID),
      creditedPoints: this.credited[at] ?? 0,
      reversedPoints: this.reversed[at] ?? 0,
      payment,
      createdAt: new Date(this.createdAt[at] ?? 0),
    };
  }

  private interned(currency: string): string {
    let name = this.currencyNames.get(currency);
    if (name === undefined) {
      name = currency;
      this.currencyNames.set(currency, name);
    }
    return name;
  }
}

const PAID = 1;
const REPORTED = 2;
const IN_WINDOW = 4;
