import { changeBalance, creditBalance } from './points';
import { ReceiptDraft } from './receipt';
import { FailureOf } from './failure';
import { Result } from './result';
import { User } from './user';
import { UserItem } from './user-item';
import { ReversalRequest, XsollaGoods, XsollaMoney, XsollaReversalKind } from './xsolla-notification';

/** The source of every receipt a Xsolla notification causes. */
export const XSOLLA_SOURCE = 'xsolla';

/** What made Forte act on a Xsolla transaction: its webhook (null), or a reconciliation run repairing a miss. */
export type XsollaOrigin = { reconciliationRunId: number } | null;

/** A receipt's source and the end of its reason: a repair names its reconciliation run in both. */
export function receiptOriginOf(origin: XsollaOrigin): { source: string; note: string } {
  if (origin === null) return { source: XSOLLA_SOURCE, note: '' };
  const run = origin.reconciliationRunId;
  return { source: `reconciliation:${run}`, note: ` (reconciliation run ${run})` };
}

/**
 * What Forte credited for one Xsolla transaction, and how much of it reversals took back since. Every
 * notification of the transaction writes this one row, which orders them even across the nodes of a cluster.
 */
export interface XsollaTransaction {
  transactionId: string;
  userId: number;
  /** The receipt of its payment; null while only reversals have arrived. */
  paymentReceiptId: number | null;
  creditedPoints: number;
  reversedPoints: number;
  /** What the user paid, as Xsolla states it; null until the payment arrived, or when it does not say. */
  payment: XsollaMoney | null;
  /** A sandbox payment (`transaction.dry_run`). */
  dryRun: boolean;
}

export type PaidXsollaTransaction = XsollaTransaction & { paymentReceiptId: number };

export const isPaid = (transaction: XsollaTransaction | null): transaction is PaidXsollaTransaction =>
  transaction !== null && transaction.paymentReceiptId !== null;

/** A transaction Forte first hears of through a reversal: it waits for its payment. */
export const awaitingPayment = (transactionId: string, userId: number): XsollaTransaction => ({
  transactionId,
  userId,
  paymentReceiptId: null,
  creditedPoints: 0,
  reversedPoints: 0,
  payment: null,
  dryRun: false,
});

type Decided = { user: User; receipt: ReceiptDraft };

/** A payment's credit: one receipt for its points (0 when it only bought items, which the receipt then names). */
export function decideCredit(
  user: User,
  transactionId: string,
  goods: XsollaGoods,
  at: Date,
  origin: XsollaOrigin = null,
): Result<Decided, FailureOf<'BalanceOutOfRange'>> {
  const { source, note } = receiptOriginOf(origin);
  return creditBalance(user, {
    kind: 'xsolla_payment',
    delta: goods.points,
    reason: `xsolla payment ${transactionId}${note}`,
    source,
    externalRef: transactionId,
    at,
  });
}

/** The points a reversal takes back: what it asks (everything, for a whole one), never more than remains. */
export function pointsToReverse(transaction: XsollaTransaction, request: ReversalRequest): number {
  const remaining = transaction.creditedPoints - transaction.reversedPoints;
  return request.whole ? remaining : Math.min(request.goods.points, remaining);
}

/**
 * A reversal's debit. Xsolla has already given the money back, so it is applied in full even when the user spent
 * the points: the balance may then go below zero, and the receipt is flagged as a debt.
 */
export function decideReversal(
  user: User,
  transactionId: string,
  reversal: XsollaReversalKind,
  points: number,
  at: Date,
  origin: XsollaOrigin = null,
): Decided {
  const { source, note } = receiptOriginOf(origin);
  const decided = changeBalance(user, {
    kind: 'xsolla_refund',
    delta: 0 - points,
    reason: `xsolla ${reversal} ${transactionId}${note}`,
    source,
    externalRef: transactionId,
    at,
    mayOverdraw: true,
  });
  if (!decided.ok) throw new Error(`A forced reversal of ${points} points was refused as ${decided.failure.type}`);
  return decided.value;
}

/** A user item a payment granted, with its SKU. */
export interface GrantedItem {
  userItem: UserItem;
  sku: string;
}

/** Taken back already, by a reversal or a withdrawal: nothing left to reverse. */
const isReversible = ({ userItem }: GrantedItem): boolean =>
  userItem.status !== 'refunded' && userItem.status !== 'withdrawn';

/**
 * The user items a reversal takes back among those its payment granted: every one left, or as many of each SKU
 * as a partial refund lists (active ones first, then the oldest).
 */
export function itemsToReverse(granted: GrantedItem[], request: ReversalRequest): UserItem[] {
  const left = granted
    .filter(isReversible)
    .sort(
      (a, b) =>
        Number(b.userItem.status === 'active') - Number(a.userItem.status === 'active') ||
        a.userItem.id - b.userItem.id,
    );
  if (request.whole) return left.map(({ userItem }) => userItem);
  const wanted = new Map<string, number>();
  for (const { sku, count } of request.goods.items) wanted.set(sku, (wanted.get(sku) ?? 0) + count);
  return [...wanted].flatMap(([sku, count]) =>
    left
      .filter((entry) => entry.sku === sku)
      .slice(0, count)
      .map(({ userItem }) => userItem),
  );
}
