import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { forteUserIdOf, XsollaNotification } from '../domain/xsolla-notification';
import { xsollaTypeLabel } from '../domain/xsolla-notification-types';
import { XsollaOrigin } from '../domain/xsolla-transaction';
import { Clock } from './ports/clock';
import { EventSink, XsollaNotificationHandled } from './ports/event-sink';
import { Transaction, UnitOfWork } from './ports/unit-of-work';
import { settleXsollaPayment } from './settle-xsolla-payment';
import { settleXsollaReversal } from './settle-xsolla-reversal';
import { settleXsollaWalletOperation } from './settle-xsolla-wallet-operation';
import { XsollaActed, XsollaContext, XsollaHandled } from './xsolla-context';

export interface HandleXsollaNotificationInput {
  notification: XsollaNotification;
  /** The body's bytes as they arrived, stored raw before anything is done. */
  body: Uint8Array;
  /** A reconciliation run that repairs what Forte missed, named in its receipts; absent for a webhook. */
  origin?: XsollaOrigin;
}

export type XsollaNotificationFailure = FailureOf<
  'UserNotFound' | 'ItemNotFound' | 'BalanceOutOfRange' | 'XsollaTransactionMismatch'
>;

/**
 * A verified Xsolla webhook: stored raw first (a write of its own, so the delivery is kept whatever happens
 * next, sent with the first statements of the work on MySQL), then acted on in one transaction that also records
 * the outcome. A duplicate is an outcome, not a failure:
 * Xsolla gets the same success answer again. A storage failure throws, and Xsolla sends the webhook again.
 */
export class HandleXsollaNotification {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  async execute(input: HandleXsollaNotificationInput): Promise<Result<XsollaHandled, XsollaNotificationFailure>> {
    const { notification } = input;
    return this.uow.runAfter(
      (tx) =>
        tx.xsollaInbox.record({
          type: notification.type,
          externalId: notification.externalId,
          userRef: notification.userRef,
          body: input.body,
          receivedAt: this.clock.now(),
        }),
      async (tx, notificationId) => {
        const context: XsollaContext = {
          tx,
          events: this.events,
          notificationId,
          now: this.clock.now(),
          origin: input.origin ?? null,
        };
        const acted = await act(context, notification);
        const outcome = acted.ok ? acted.value.outcome : 'refused';
        await tx.commitWith(
          Promise.all([
            acted.ok ? acted.value.lastWrite : undefined,
            tx.xsollaInbox.settle(await notificationId, outcome, context.now),
          ]),
        );
        const handled = acted.ok ? ok(handledOf(acted.value)) : acted;
        tx.afterCommit(() => this.events.publish(announcement(notification, handled)));
        return handled;
      },
    );
  }
}

function act(
  context: XsollaContext,
  notification: XsollaNotification,
): Promise<Result<XsollaActed, XsollaNotificationFailure>> {
  const { action, userRef } = notification;
  switch (action.kind) {
    case 'record':
      return Promise.resolve(ok({ outcome: 'acknowledged', userId: forteUserIdOf(userRef), points: 0 }));
    case 'validate_user':
      return validateUser(context.tx, userRef);
    case 'credit':
      return settleXsollaPayment(context, userRef, action);
    case 'reverse':
      return settleXsollaReversal(context, userRef, action);
    case 'wallet_operation':
      return settleXsollaWalletOperation(context, userRef, action);
  }
}

const handledOf = ({ outcome, userId, points }: XsollaActed): XsollaHandled => ({ outcome, userId, points });

/** `user_validation`: Xsolla asks whether the user may pay. */
async function validateUser(
  tx: Transaction,
  userRef: string | null,
): Promise<Result<XsollaHandled, FailureOf<'UserNotFound'>>> {
  const id = forteUserIdOf(userRef);
  const user = id === null ? null : await tx.users.findById(id);
  return isActive(user) ? ok({ outcome: 'acknowledged', userId: user.id, points: 0 }) : fail({ type: 'UserNotFound' });
}

function announcement(
  notification: XsollaNotification,
  handled: Result<XsollaHandled, XsollaNotificationFailure>,
): XsollaNotificationHandled {
  return {
    type: 'XsollaNotificationHandled',
    notificationType: xsollaTypeLabel(notification.type),
    outcome: handled.ok ? handled.value.outcome : 'refused',
    transactionId: notification.externalId,
    userId: handled.ok ? handled.value.userId : forteUserIdOf(notification.userRef),
    points: handled.ok ? handled.value.points : 0,
  };
}
