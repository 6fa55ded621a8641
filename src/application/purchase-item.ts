import { FailureOf } from '../domain/failure';
import { decidePurchase, PurchaseFailure } from '../domain/purchase';
import { Receipt } from '../domain/receipt';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { UserItem } from '../domain/user-item';
import { IdempotencyFailure, runIdempotently } from './idempotently';
import { postToLedgerWith } from './post-to-ledger';
import { Clock } from './ports/clock';
import { EventSink } from './ports/event-sink';
import { IdempotentRequest } from './ports/idempotency-repository';
import { Transaction, UnitOfWork } from './ports/unit-of-work';

export interface PurchaseItemInput {
  userId: number;
  itemId: number;
  /** Who asks: `client:<name>`. */
  source: string;
  idempotency?: IdempotentRequest;
}

/** A user item that changed hands for points, with the receipt of the payment and the new balance. */
export interface UserItemTrade {
  userItem: UserItem;
  receipt: Receipt;
  points: number;
}

export type PurchaseItemFailure = FailureOf<'UserNotFound' | 'ItemNotFound'> | PurchaseFailure | IdempotencyFailure;

/**
 * Buys an item with points. The user row is locked first: it serialises one user's purchases, so the balance
 * and the `max_per_user` count read here cannot change before this transaction writes.
 */
export class PurchaseItem {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  execute(input: PurchaseItemInput): Promise<Result<UserItemTrade, PurchaseItemFailure>> {
    return runIdempotently(this.uow, this.clock, this.events, input.idempotency, (tx, now) => this.buy(tx, now, input));
  }

  private async buy(
    tx: Transaction,
    now: Date,
    input: PurchaseItemInput,
  ): Promise<Result<UserItemTrade, PurchaseItemFailure>> {
    // Issued together, in this order (one round trip on MySQL): the item and the count are read once the lock is
    // granted, so the count sees every purchase of this user that committed before it.
    const [user, item, ownedCount] = await Promise.all([
      tx.users.lockById(input.userId),
      tx.items.findById(input.itemId),
      tx.userItems.countTowardLimit(input.userId, input.itemId),
    ]);
    if (!isActive(user)) return fail({ type: 'UserNotFound' });
    if (!item) return fail({ type: 'ItemNotFound' });
    const decided = decidePurchase({
      user,
      item,
      ownedCount,
      source: input.source,
      externalRef: input.idempotency?.key ?? null,
      now,
    });
    if (!decided.ok) return decided;
    // The balance, the receipt and the user item it paid for in one write, the COMMIT with it (one round trip on MySQL).
    const {
      receipt,
      userItems: [userItem],
    } = await tx.commitWith(
      postToLedgerWith(tx, this.events, decided.value.receipt, { userItems: [decided.value.userItem] }),
    );
    if (!userItem) throw new Error(`The purchase of receipt ${receipt.id} wrote no user item`);
    return ok({ userItem, receipt, points: decided.value.user.points });
  }
}
