import { FailureOf } from '../domain/failure';
import { expiryOf } from '../domain/item';
import { fail, ok, Result } from '../domain/result';
import { XsollaAction } from '../domain/xsolla-notification';
import { decideCredit, isPaid, PaidXsollaTransaction } from '../domain/xsolla-transaction';
import { postToLedger } from './post-to-ledger';
import { reverseXsollaPayment } from './reverse-xsolla-payment';
import { itemsOfSkus, lockNamedUser, XsollaContext, XsollaHandled } from './xsolla-context';

export type PaymentFailure = FailureOf<
  'UserNotFound' | 'ItemNotFound' | 'BalanceOutOfRange' | 'XsollaTransactionMismatch'
>;

/**
 * A payment (`payment` or `order_paid`, one key for both): credits its points and grants its items, then applies
 * in the same transaction every reversal that arrived before it, so the user never holds what was refunded.
 * Everything that can refuse it is checked before the first write.
 */
export async function settleXsollaPayment(
  context: XsollaContext,
  userRef: string | null,
  action: Extract<XsollaAction, { kind: 'credit' }>,
): Promise<Result<XsollaHandled, PaymentFailure>> {
  const { tx, now, notificationId } = context;
  const user = await lockNamedUser(tx, userRef);
  if (!user) return fail({ type: 'UserNotFound' });
  const items = await itemsOfSkus(tx, action.goods.items);
  if (!items) return fail({ type: 'ItemNotFound' });
  const credited = decideCredit(user, action.transactionId, action.goods, now, context.origin);
  if (!credited.ok) return credited;
  const known = await tx.xsollaPayments.claimTransaction(action.transactionId, user.id, now);
  if (known.userId !== user.id) return fail({ type: 'XsollaTransactionMismatch' });
  // Its row is locked and a payment marks it paid in the same transaction, so no other delivery can be between.
  if (isPaid(known)) return ok({ outcome: 'duplicate', userId: user.id, points: 0 });

  const receipt = await postToLedger(tx, context.events, credited.value.receipt);
  // The operation, the items and the reversals that came first, issued together: one round trip on MySQL.
  const [operation, deferredReversals] = await Promise.all([
    tx.xsollaPayments.insertOperation({
      kind: 'payment',
      externalId: action.transactionId,
      userId: user.id,
      notificationId,
      state: 'applied',
      request: null,
      receiptId: receipt.id,
      createdAt: now,
      appliedAt: now,
    }),
    tx.xsollaPayments.deferredReversals(action.transactionId),
    ...items.flatMap(({ item, count }) =>
      Array.from({ length: count }, () =>
        tx.userItems.insert({
          userId: user.id,
          itemId: item.id,
          receiptId: receipt.id,
          pricePaid: 0,
          status: 'active',
          expiresAt: expiryOf(item, now),
          acquiredVia: 'xsolla',
          withdrawnAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      ),
    ),
  ]);
  if (operation === 'duplicate') {
    throw new Error(`Xsolla transaction ${action.transactionId} is not paid, yet its payment operation exists`);
  }

  let transaction: PaidXsollaTransaction = {
    ...known,
    paymentReceiptId: receipt.id,
    creditedPoints: action.goods.points,
    payment: action.payment,
    dryRun: action.dryRun,
  };
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
  await tx.xsollaPayments.saveTransaction(transaction, now);
  return ok({ outcome: 'applied', userId: user.id, points: moved });
}
