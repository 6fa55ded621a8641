import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { forteUserIdOf, XsollaNotification } from '../domain/xsolla-notification';
import { xsollaTypeLabel } from '../domain/xsolla-notification-types';
import { XsollaOrigin } from '../domain/xsolla-transaction';
import { Clock } from './ports/clock';
import { EventSink, XsollaNotificationHandled } from './ports/event-sink';
import { StorageUnavailableError } from './ports/storage-failures';
import { Transaction, UnitOfWork } from './ports/unit-of-work';
import { XsollaDelivery } from './ports/xsolla-inbox';
import { settleXsollaPayment } from './settle-xsolla-payment';
import { settleXsollaReversal } from './settle-xsolla-reversal';
import { settleXsollaWalletOperation } from './settle-xsolla-wallet-operation';
import { XsollaActed, XsollaContext, XsollaHandled } from './xsolla-context';

export interface HandleXsollaNotificationInput {
  notification: XsollaNotification;
  /** The body's bytes as they arrived, stored raw. */
  body: Uint8Array;
  /** A reconciliation run that repairs what Forte missed, named in its receipts; absent for a webhook. */
  origin?: XsollaOrigin;
}

export type XsollaNotificationFailure = FailureOf<
  'UserNotFound' | 'ItemNotFound' | 'BalanceOutOfRange' | 'XsollaTransactionMismatch'
>;

/**
 * A verified Xsolla webhook, stored raw and acted on in one transaction: the delivery is written first, and the
 * outcome with the last write, so nothing is acted on without its delivery stored, and both commit with one COMMIT.
 * When acting fails and rolls back, the delivery is stored on its own, so it is kept whatever happened. A duplicate
 * is an outcome, not a failure: Xsolla gets the same success answer again. A storage failure throws, and Xsolla sends
 * the webhook again.
 */
export class HandleXsollaNotification {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  async execute(input: HandleXsollaNotificationInput): Promise<Result<XsollaHandled, XsollaNotificationFailure>> {
    try {
      return await this.uow.run((tx) => this.storeAndAct(tx, input));
    } catch (error) {
      // Acting failed and rolled the stored delivery back with it: it is kept on its own, unless the database is away
      // (it would fail as well) or the COMMIT's outcome is unknown (it may be stored); Xsolla sends it again then.
      if (!(error instanceof StorageUnavailableError)) {
        // When this fails too, Xsolla, answered the first failure, sends the delivery again.
        await this.uow
          .run((tx) => tx.xsollaInbox.record(this.deliveryOf(input)), { oneStatement: true })
          .catch(() => undefined);
      }
      throw error;
    }
  }

  private async storeAndAct(
    tx: Transaction,
    input: HandleXsollaNotificationInput,
  ): Promise<Result<XsollaHandled, XsollaNotificationFailure>> {
    const { notification } = input;
    // Issued first, with the first statements of acting (one round trip on MySQL), which do not wait for its id.
    const notificationId = tx.xsollaInbox.record(this.deliveryOf(input));
    // Its failure is the failure of acting too: the statements issued with it did not run.
    notificationId.catch(() => undefined);
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
  }

  private deliveryOf({ notification, body }: HandleXsollaNotificationInput): XsollaDelivery {
    return {
      type: notification.type,
      externalId: notification.externalId,
      userRef: notification.userRef,
      body,
      receivedAt: this.clock.now(),
    };
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
