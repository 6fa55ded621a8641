import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { decideWithdrawal } from '../domain/withdrawal-policy';
import { IdempotencyFailure, runIdempotently } from './idempotently';
import { postToLedger } from './post-to-ledger';
import { Clock } from './ports/clock';
import { EventSink } from './ports/event-sink';
import { IdempotentRequest } from './ports/idempotency-repository';
import { Transaction, UnitOfWork } from './ports/unit-of-work';
import { UserItemTrade } from './purchase-item';

export interface WithdrawPurchaseInput {
  userId: number;
  userItemId: number;
  /** Who asks: `client:<name>`. */
  source: string;
  idempotency?: IdempotentRequest;
}

export type WithdrawPurchaseFailure =
  FailureOf<'UserNotFound' | 'UserItemNotFound' | 'WithdrawalNotAllowed' | 'BalanceOutOfRange'> | IdempotencyFailure;

/**
 * 청약철회: refunds the price paid and marks the user item withdrawn. The user row is locked first, which
 * serialises the user's withdrawals (one per Seoul day) and makes a second withdrawal of the same item see it
 * already withdrawn.
 */
export class WithdrawPurchase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  execute(input: WithdrawPurchaseInput): Promise<Result<UserItemTrade, WithdrawPurchaseFailure>> {
    return runIdempotently(this.uow, this.clock, this.events, input.idempotency, (tx, now) =>
      this.withdraw(tx, now, input),
    );
  }

  private async withdraw(
    tx: Transaction,
    now: Date,
    input: WithdrawPurchaseInput,
  ): Promise<Result<UserItemTrade, WithdrawPurchaseFailure>> {
    const user = await tx.users.lockById(input.userId);
    if (!isActive(user)) return fail({ type: 'UserNotFound' });
    const userItem = await tx.userItems.lockById(user.id, input.userItemId);
    if (!userItem) return fail({ type: 'UserItemNotFound' });
    const item = await tx.items.findById(userItem.itemId);
    if (!item) throw new Error(`User item ${userItem.id} refers to the missing item ${userItem.itemId}`);
    const decided = decideWithdrawal({
      user,
      item,
      userItem,
      lastWithdrawalAt: await tx.userItems.latestWithdrawalAt(user.id),
      source: input.source,
      externalRef: input.idempotency?.key ?? null,
      now,
    });
    if (!decided.ok) return decided;
    const receipt = await postToLedger(tx, this.events, decided.value.receipt);
    await tx.userItems.save(decided.value.userItem);
    return ok({ userItem: decided.value.userItem, receipt, points: decided.value.user.points });
  }
}
