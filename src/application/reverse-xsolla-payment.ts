import { refund, UserItem } from '../domain/user-item';
import { User } from '../domain/user';
import { ReversalRequest, XsollaReversalKind } from '../domain/xsolla-notification';
import {
  decideReversal,
  GrantedItem,
  itemsToReverse,
  PaidXsollaTransaction,
  pointsToReverse,
} from '../domain/xsolla-transaction';
import { postToLedger } from './post-to-ledger';
import { Transaction } from './ports/unit-of-work';
import { XsollaContext } from './xsolla-context';

export interface Reversed {
  user: User;
  transaction: PaidXsollaTransaction;
  /** The receipt of what was taken back; null when the payment had nothing left to take. */
  receiptId: number | null;
  points: number;
}

/**
 * Takes back what a reversal asks of a paid transaction: its points (a forced debit, flagged as a debt if the user
 * spent them) and its items, never more than the payment credited less earlier reversals.
 */
export async function reverseXsollaPayment(
  context: XsollaContext,
  user: User,
  transaction: PaidXsollaTransaction,
  reversal: XsollaReversalKind,
  request: ReversalRequest,
): Promise<Reversed> {
  const { tx, now } = context;
  const points = pointsToReverse(transaction, request);
  const items = itemsToReverse(await grantedItems(tx, user.id, transaction.paymentReceiptId), request);
  if (points === 0 && items.length === 0) return { user, transaction, receiptId: null, points: 0 };
  const decided = decideReversal(user, transaction.transactionId, reversal, points, now, context.origin);
  const receipt = await postToLedger(tx, context.events, decided.receipt);
  for (const userItem of items) await tx.userItems.save(refund(userItem, now));
  return {
    user: decided.user,
    transaction: { ...transaction, reversedPoints: transaction.reversedPoints + points },
    receiptId: receipt.id,
    points,
  };
}

async function grantedItems(tx: Transaction, userId: number, receiptId: number): Promise<GrantedItem[]> {
  const userItems = await tx.userItems.listByReceipt(userId, receiptId);
  const skus = new Map<number, string>();
  for (const itemId of new Set(userItems.map((userItem: UserItem) => userItem.itemId))) {
    const item = await tx.items.findById(itemId);
    if (!item) throw new Error(`User items of receipt ${receiptId} refer to the missing item ${itemId}`);
    skus.set(itemId, item.sku);
  }
  return userItems.map((userItem) => ({ userItem, sku: skus.get(userItem.itemId) ?? '' }));
}
