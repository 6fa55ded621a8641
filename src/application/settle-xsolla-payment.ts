import { FailureOf } from '../domain/failure';
import { expiryOf } from '../domain/item';
import { UserItemDraft } from '../domain/user-item';
import { NewXsollaOperation } from '../domain/xsolla-operation';
import { fail, ok, Result } from '../domain/result';
import { XsollaAction } from '../domain/xsolla-notification';
import { awaitingPayment, decideCredit, isPaid, PaidXsollaTransaction } from '../domain/xsolla-transaction';
import { postToLedger, postToLedgerWith } from './post-to-ledger';
import { reverseXsollaPayment } from './reverse-xsolla-payment';
import { itemsOfSkus, lockNamedUser, XsollaActed, XsollaContext } from './xsolla-context';

export type PaymentFailure = FailureOf<
  'UserNotFound' | 'ItemNotFound' | 'BalanceOutOfRange' | 'XsollaTransactionMismatch'
>;

/**
 * A payment (`payment` or `order_paid`, one key for both): credits its points and grants its items, then applies
 * in the same transaction every reversal that arrived before it, so the user never holds what was refunded.
 * Everything that can refuse it is checked before the first write. Its last write, the transaction's row, is left
 * for the caller to commit with the outcome.
 */
export async function settleXsollaPayment(
  context: XsollaContext,
  userRef: string | null,
  action: Extract<XsollaAction, { kind: 'credit' }>,
): Promise<Result<XsollaActed, PaymentFailure>> {
  const { tx, now } = context;
  // The user's lock, the items of the SKUs and the transaction's row, issued together (one round trip on MySQL): the
  // lock comes first, so every read after it sees what an earlier notification of this user committed.
  const [user, items, stored] = await Promise.all([
    lockNamedUser(tx, userRef),
    itemsOfSkus(tx, action.goods.items),
    tx.xsollaPayments.findTransaction(action.transactionId),
  ]);
  if (!user) return fail({ type: 'UserNotFound' });
  if (!items) return fail({ type: 'ItemNotFound' });
  const credited = decideCredit(user, action.transactionId, action.goods, now, context.origin);
  if (!credited.ok) return credited;
  // A transaction without a row has had no reversal (each one stores the row) and no payment: its row is inserted with
  // the payment's last write, which fails, to run again, should another delivery of it store the row meanwhile. One
  // with a row is claimed, and read again with the reversals that came first: the row is locked when they are read.
  const [known, deferredReversals] =
    stored === null
      ? [awaitingPayment(action.transactionId, user.id), []]
      : await Promise.all([
          tx.xsollaPayments.claimTransaction(action.transactionId, user.id, now),
          tx.xsollaPayments.deferredReversals(action.transactionId),
        ]);
  if (known.userId !== user.id) return fail({ type: 'XsollaTransactionMismatch' });
  // A stored row is locked, a missing one is inserted with the payment (the unique key stops a second insert), and a
  // payment marks the row paid in the same transaction: no other delivery can be between.
  if (isPaid(known)) return ok({ outcome: 'duplicate', userId: user.id, points: 0 });

  const notificationId = await context.notificationId;
  const paid = { ...known, creditedPoints: action.goods.points, payment: action.payment, dryRun: action.dryRun };
  const operation: Omit<NewXsollaOperation, 'receiptId'> = {
    kind: 'payment',
    externalId: action.transactionId,
    userId: user.id,
    notificationId,
    state: 'applied',
    request: null,
    createdAt: now,
    appliedAt: now,
  };
  const granted = items.flatMap(({ item, count }) =>
    Array.from({ length: count }, (): Omit<UserItemDraft, 'receiptId'> => ({
      userId: user.id,
      itemId: item.id,
      pricePaid: 0,
      status: 'active',
      expiresAt: expiryOf(item, now),
      acquiredVia: 'xsolla',
      withdrawnAt: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  if (stored === null) {
    // A new transaction: its row, its operation and its items are written with the receipt (`postWith`), the payment's
    // last write. Should another delivery of it (naming another user) have stored its row and payment since the read,
    // the row's unique key fails that write, and the work runs again and reads the row.
    const lastWrite = postToLedgerWith(tx, context.events, credited.value.receipt, {
      xsollaPayment: { transaction: paid, operation },
      userItems: granted,
    });
    return ok({ outcome: 'applied', userId: user.id, points: action.goods.points, lastWrite });
  }

  const receipt = await postToLedger(tx, context.events, credited.value.receipt);
  let transaction: PaidXsollaTransaction = { ...paid, paymentReceiptId: receipt.id };
  // The operation and the items, issued together (one round trip on MySQL).
  const written = Promise.all([
    tx.xsollaPayments.insertOperation({ ...operation, receiptId: receipt.id }).then((inserted) => {
      if (inserted === 'duplicate') {
        throw new Error(`Xsolla transaction ${action.transactionId} is not paid, yet its payment operation exists`);
      }
    }),
    ...granted.map((userItem) => tx.userItems.insert({ ...userItem, receiptId: receipt.id })),
  ]);
  // A reversal reads the items the payment granted: they are written first.
  if (deferredReversals.length > 0) await written;

  let holder = credited.value.user;
  let moved = action.goods.points;
  for (const deferred of deferredReversals) {
    if (deferred.kind === 'payment' || deferred.kind === 'user_balance_operation' || !deferred.request) {
      throw new Error(`Operation ${deferred.id} is deferred but is no reversal`);
    }
    const reversed = await reverseXsollaPayment(context, holder, transaction, deferred.kind, deferred.request);
    await tx.xsollaPayments.markApplied(deferred.id, reversed.receiptId, now);
    ({ user: holder, transaction } = reversed);
    moved -= reversed.points;
  }
  const lastWrite = Promise.all([written, tx.xsollaPayments.saveTransaction(transaction, now)]);
  return ok({ outcome: 'applied', userId: user.id, points: moved, lastWrite });
}
