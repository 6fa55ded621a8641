import { SkuCount, XsollaMoney } from './xsolla-notification';

/** What `forte-cli reconcile` reports (PRODUCT.md §5), each with counts, points and the rows. */
export const DISCREPANCY_CATEGORIES = [
  /** Paid at Xsolla, never credited in Forte. */
  'missing_in_forte',
  /** Credited in Forte, unknown to Xsolla. */
  'missing_in_xsolla',
  /** Both know it, but the points, the money or the user differ. */
  'amount_mismatch',
  /** Refunded at Xsolla and not reversed here, or the other way round, or credited here but not paid there. */
  'status_mismatch',
  /** Xsolla's copy of a wallet differs from Forte's balance by more than the transactions above explain. */
  'balance_drift',
] as const;

export type DiscrepancyCategory = (typeof DISCREPANCY_CATEGORIES)[number];

/** How a discrepancy is repaired through the webhooks' use cases; null when it needs a human. */
export type Repair = 'credit' | 'reverse' | 'resync';

/** One transaction as Xsolla reports it (its transactions search, or an export of it). Ids stay strings. */
export interface ReportedTransaction {
  transactionId: string;
  /** `user.id`: the id Forte gave the user, as Xsolla holds it. */
  userRef: string;
  /** The payment's day, `YYYY-MM-DD`. */
  date: string;
  /** `created`, `processing`, `review`, `error`, `done`, `canceled` (a refunded payment). */
  status: string;
  /** `purchase.virtual_currency.amount`: the points bought. */
  points: number;
  /** Items bought, by SKU; empty when only points were. */
  items: SkuCount[];
  /** `payment_details.payment`: what the user paid; null when the report leaves it out. */
  payment: XsollaMoney | null;
  dryRun: boolean;
}

/** What Forte holds about one Xsolla transaction (its `xsolla_transactions` row). */
export interface ForteTransactionFacts {
  transactionId: string;
  userId: number;
  /** Whether its payment was credited (a reversal alone leaves the transaction waiting for it). */
  paid: boolean;
  creditedPoints: number;
  reversedPoints: number;
  payment: XsollaMoney | null;
  createdAt: Date;
}

/** One row of a reconciliation report. Xsolla's and Forte's sides hold what each knows (null: nothing). */
export interface Discrepancy {
  category: DiscrepancyCategory;
  /** Null for a balance drift. */
  transactionId: string | null;
  userId: string;
  xsolla: { status: string | null; points: number | null; payment: XsollaMoney | null; balance?: number };
  forte: { status: string | null; points: number | null; payment: XsollaMoney | null; balance?: number };
  /** The points Forte would move to agree with Xsolla (positive: Forte owes the user). */
  points: number;
  repair: Repair | null;
  note: string;
  /** The transaction as Xsolla reported it, which a repair replays. */
  reported: ReportedTransaction | null;
}

/** Forte's status of a transaction, in Xsolla's words. */
function forteStatusOf(forte: ForteTransactionFacts): string {
  if (!forte.paid) return 'not_paid';
  if (forte.creditedPoints > 0 && forte.reversedPoints >= forte.creditedPoints) return 'reversed';
  return forte.reversedPoints > 0 ? 'partly_reversed' : 'credited';
}

const xsollaSide = (reported: ReportedTransaction) => ({
  status: reported.status,
  points: reported.points,
  payment: reported.payment,
});

const forteSide = (forte: ForteTransactionFacts | null) => ({
  status: forte ? forteStatusOf(forte) : null,
  points: forte ? forte.creditedPoints - forte.reversedPoints : null,
  payment: forte?.payment ?? null,
});

/** A decimal amount in a canonical spelling ("4.90", "04.9" → "4.9"); the text itself when it is no number. */
export function canonicalAmount(amount: string): string {
  const match = /^(-?)0*([0-9]*?)(?:\.([0-9]*?)0*)?$/.exec(amount.trim());
  if (!match) return amount.trim();
  const [, sign, whole, fraction] = match;
  const digits = `${whole || '0'}${fraction ? `.${fraction}` : ''}`;
  return digits === '0' ? '0' : `${sign}${digits}`;
}

/** The same money: equal amounts (however written) in the same currency. */
export const sameMoney = (a: XsollaMoney, b: XsollaMoney): boolean =>
  canonicalAmount(a.amount) === canonicalAmount(b.amount) && a.currency.toUpperCase() === b.currency.toUpperCase();

/**
 * The discrepancies of one transaction that Xsolla reports, against what Forte holds about it (null: nothing).
 * A transaction paid at Xsolla and unknown here is missing in Forte (a credit repairs it); refunded there and
 * still credited here, a status mismatch (a reversal repairs it); anything else needs a human.
 */
export function compareTransaction(reported: ReportedTransaction, forte: ForteTransactionFacts | null): Discrepancy[] {
  const paidThere = reported.status === 'done';
  const refundedThere = reported.status === 'canceled';
  const row = (category: DiscrepancyCategory, points: number, repair: Repair | null, note: string): Discrepancy => ({
    category,
    transactionId: reported.transactionId,
    userId: reported.userRef,
    xsolla: xsollaSide(reported),
    forte: forteSide(forte),
    points,
    repair,
    note,
    reported,
  });
  if (forte === null || !forte.paid) {
    if (!paidThere) return [];
    return [row('missing_in_forte', reported.points, 'credit', 'paid at Xsolla, never credited')];
  }
  const found: Discrepancy[] = [];
  const held = forte.creditedPoints - forte.reversedPoints;
  const differences = [
    reported.userRef !== String(forte.userId) ? `user ${reported.userRef} at Xsolla, ${forte.userId} in Forte` : null,
    reported.points !== forte.creditedPoints
      ? `${reported.points} points at Xsolla, ${forte.creditedPoints} credited in Forte`
      : null,
    reported.payment && forte.payment && !sameMoney(reported.payment, forte.payment)
      ? `paid ${money(reported.payment)} at Xsolla, ${money(forte.payment)} in Forte`
      : null,
  ].filter((difference): difference is string => difference !== null);
  if (differences.length > 0) {
    found.push(row('amount_mismatch', reported.points - forte.creditedPoints, null, differences.join('; ')));
  }
  if (refundedThere && held > 0) {
    found.push(row('status_mismatch', -held, 'reverse', 'refunded at Xsolla, not reversed in Forte'));
  } else if (paidThere && forteStatusOf(forte) === 'reversed') {
    found.push(row('status_mismatch', forte.creditedPoints, null, 'paid at Xsolla, reversed in Forte'));
  } else if (!paidThere && !refundedThere) {
    found.push(row('status_mismatch', -held, null, `${reported.status} at Xsolla, credited in Forte`));
  }
  return found;
}

/** A transaction Forte credited that Xsolla does not report for the window. */
export function missingInXsolla(forte: ForteTransactionFacts): Discrepancy | null {
  if (!forte.paid) return null;
  return {
    category: 'missing_in_xsolla',
    transactionId: forte.transactionId,
    userId: String(forte.userId),
    xsolla: { status: null, points: null, payment: null },
    forte: forteSide(forte),
    points: -(forte.creditedPoints - forte.reversedPoints),
    repair: null,
    note: 'credited in Forte, unknown to Xsolla',
    reported: null,
  };
}

/**
 * The points of a user's transaction discrepancies that would also show in its wallet: Xsolla's copy holds what a
 * missed payment credited and no longer holds what a missed refund took back.
 */
export const walletEffectOf = (discrepancy: Discrepancy): number =>
  discrepancy.category === 'missing_in_forte' || discrepancy.repair === 'reverse' ? discrepancy.points : 0;

/**
 * A wallet whose balance at Xsolla differs from Forte's by more than the user's transaction discrepancies
 * explain (`explained`: the sum of their `walletEffectOf`). Forte's ledger is the truth: the mirror is re-queued.
 */
export function balanceDrift(
  userId: number,
  forteBalance: number,
  xsollaBalance: number,
  explained: number,
): Discrepancy | null {
  const drift = xsollaBalance - forteBalance - explained;
  if (drift === 0) return null;
  return {
    category: 'balance_drift',
    transactionId: null,
    userId: String(userId),
    xsolla: { status: null, points: null, payment: null, balance: xsollaBalance },
    forte: { status: null, points: null, payment: null, balance: forteBalance },
    points: drift,
    repair: 'resync',
    note: `Xsolla holds ${xsollaBalance}, Forte ${forteBalance}${explained === 0 ? '' : ` (${explained} explained above)`}`,
    reported: null,
  };
}

const money = (payment: XsollaMoney): string => `${payment.amount} ${payment.currency}`;

/** Per category: how many, the points at stake, and the money by currency (canonical decimal strings). */
export interface CategoryTally {
  count: number;
  points: number;
  amounts: Record<string, string>;
}

export type ReconciliationTally = Record<DiscrepancyCategory, CategoryTally>;

export const emptyTally = (): ReconciliationTally =>
  Object.fromEntries(
    DISCREPANCY_CATEGORIES.map((category) => [category, { count: 0, points: 0, amounts: {} }]),
  ) as unknown as ReconciliationTally;

/** Counts a discrepancy in its category; money is added exactly, in hundredths of a unit and beyond. */
export function tally(tallies: ReconciliationTally, discrepancy: Discrepancy): void {
  const entry = tallies[discrepancy.category];
  entry.count += 1;
  entry.points += discrepancy.points;
  const payment = discrepancy.xsolla.payment ?? discrepancy.forte.payment;
  if (payment) {
    const currency = payment.currency.toUpperCase();
    entry.amounts[currency] = addDecimals(entry.amounts[currency] ?? '0', canonicalAmount(payment.amount));
  }
}

/** Exact decimal addition of two canonical decimal strings (bigint over a common scale). */
export function addDecimals(a: string, b: string): string {
  const scale = Math.max(fractionLength(a), fractionLength(b));
  const total = scaled(a, scale) + scaled(b, scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return canonicalAmount(`${negative ? '-' : ''}${text}`);
}

const fractionLength = (amount: string): number => amount.split('.')[1]?.length ?? 0;

function scaled(amount: string, scale: number): bigint {
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(amount)) return 0n;
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole + fraction.padEnd(scale, '0'));
  return amount.startsWith('-') ? -value : value;
}

/** A window longer than this is refused as a mistake (Xsolla's own reports cover at most 92 days). */
export const MAX_WINDOW_DAYS = 92;
/** How long after a payment Forte may first hear of it: Xsolla retries a webhook for up to two days. */
export const LATE_WEBHOOK_MARGIN_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days of a reconciliation and the times they span: the window proper, and with the margin around it. */
export interface ReconciliationWindow {
  days: { from: string; to: string };
  window: { from: Date; until: Date };
  withMargin: { from: Date; until: Date };
}

/** `--from` and `--to` (`YYYY-MM-DD`, UTC days, both included) as a window; a message saying what is wrong. */
export function reconciliationWindow(from: string, to: string): ReconciliationWindow | string {
  const start = dayStart(from);
  const end = dayStart(to);
  if (start === null) return `--from must be a date YYYY-MM-DD, not "${from}"`;
  if (end === null) return `--to must be a date YYYY-MM-DD, not "${to}"`;
  if (end < start) return `--from ${from} is after --to ${to}`;
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_WINDOW_DAYS) return `the window ${from}..${to} spans ${days} days; at most ${MAX_WINDOW_DAYS}`;
  const margin = LATE_WEBHOOK_MARGIN_DAYS * DAY_MS;
  return {
    days: { from, to },
    window: { from: new Date(start), until: new Date(end + DAY_MS) },
    withMargin: { from: new Date(start - margin), until: new Date(end + DAY_MS + margin) },
  };
}

function dayStart(day: string): number | null {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? null : time;
}
