import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { XsollaAction } from '../domain/xsolla-notification';
import { isPaid } from '../domain/xsolla-transaction';
import { reverseXsollaPayment } from './reverse-xsolla-payment';
import { lockNamedUser, XsollaContext, XsollaHandled } from './xsolla-context';

export type ReversalFailure = FailureOf<'UserNotFound' | 'XsollaTransactionMismatch'>;

/**
 * A refund, partial refund, cancellation or fraud rejection. Applied at once to a paid transaction; before its
 * payment it is stored as deferred, and the payment applies it. Either way the transaction's row is written, so
 * that a payment and its reversal arriving at once on two cluster nodes cannot both miss each other.
 */
export async function settleXsollaReversal(
  context: XsollaContext,
  userRef: string | null,
  action: Extract<XsollaAction, { kind: 'reverse' }>,
): Promise<Result<XsollaHandled, ReversalFailure>> {
  const { tx, now } = context;
  const user = await lockNamedUser(tx, userRef);
  if (!user) return fail({ type: 'UserNotFound' });
  const known = await tx.xsollaPayments.claimTransaction(action.transactionId, user.id, now);
  if (known.userId !== user.id) return fail({ type: 'XsollaTransactionMismatch' });
  const paid = isPaid(known) ? known : null;

  const operation = await tx.xsollaPayments.insertOperation({
    kind: action.reversal,
    externalId: action.transactionId,
    userId: user.id,
    notificationId: await context.notificationId,
    state: paid ? 'applied' : 'deferred',
    request: action.request,
    receiptId: null,
    createdAt: now,
    appliedAt: paid ? now : null,
  });
  if (operation === 'duplicate') return ok({ outcome: 'duplicate', userId: user.id, points: 0 });
  if (!paid) {
    await tx.xsollaPayments.saveTransaction(known, now);
    return ok({ outcome: 'deferred', userId: user.id, points: 0 });
  }

  const reversed = await reverseXsollaPayment(context, user, paid, action.reversal, action.request);
  await tx.xsollaPayments.markApplied(operation.id, reversed.receiptId, now);
  await tx.xsollaPayments.saveTransaction(reversed.transaction, now);
  return ok({ outcome: 'applied', userId: user.id, points: -reversed.points });
}
