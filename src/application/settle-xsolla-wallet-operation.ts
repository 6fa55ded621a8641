import { FailureOf } from '../domain/failure';
import { changeBalance } from '../domain/points';
import { fail, ok, Result } from '../domain/result';
import { APPLIED_WALLET_OPERATIONS, XsollaAction } from '../domain/xsolla-notification';
import { XSOLLA_SOURCE } from '../domain/xsolla-transaction';
import { postToLedger } from './post-to-ledger';
import { lockNamedUser, XsollaContext, XsollaHandled } from './xsolla-context';

export type WalletOperationFailure = FailureOf<'UserNotFound' | 'BalanceOutOfRange'>;

/**
 * Xsolla's note of a change to its copy of the wallet, keyed by `id_operation`. Spending and coupons in Xsolla's
 * store happened there already, so Forte records them (a debt if the user had spent the points here meanwhile);
 * payments, refunds and Forte's own mirror recharges are already in the ledger and change nothing.
 */
export async function settleXsollaWalletOperation(
  context: XsollaContext,
  userRef: string | null,
  action: Extract<XsollaAction, { kind: 'wallet_operation' }>,
): Promise<Result<XsollaHandled, WalletOperationFailure>> {
  const { tx, now } = context;
  const user = await lockNamedUser(tx, userRef);
  if (!user) return fail({ type: 'UserNotFound' });
  const applies = APPLIED_WALLET_OPERATIONS.includes(action.operationType);
  const decided = applies
    ? changeBalance(user, {
        kind: 'xsolla_balance_operation',
        delta: action.diff,
        reason: `xsolla ${action.operationType} ${action.operationId}`,
        source: XSOLLA_SOURCE,
        externalRef: action.operationId,
        at: now,
        mayOverdraw: true,
      })
    : null;
  if (decided && !decided.ok) {
    if (decided.failure.type === 'InsufficientPoints') throw new Error('A forced wallet operation lacked points');
    return fail(decided.failure);
  }

  const operation = await tx.xsollaPayments.insertOperation({
    kind: 'user_balance_operation',
    externalId: action.operationId,
    userId: user.id,
    notificationId: await context.notificationId,
    state: decided ? 'applied' : 'acknowledged',
    request: null,
    receiptId: null,
    createdAt: now,
    appliedAt: decided ? now : null,
  });
  if (operation === 'duplicate') return ok({ outcome: 'duplicate', userId: user.id, points: 0 });
  if (!decided) return ok({ outcome: 'acknowledged', userId: user.id, points: 0 });
  const receipt = await postToLedger(tx, context.events, decided.value.receipt);
  await tx.xsollaPayments.markApplied(operation.id, receipt.id, now);
  return ok({ outcome: 'applied', userId: user.id, points: action.diff });
}
