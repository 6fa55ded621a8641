import { FailureOf } from './failure';
import { expiryOf, Item } from './item';
import { BalanceFailure, changeBalance } from './points';
import { ReceiptDraft } from './receipt';
import { fail, ok, Result } from './result';
import { User } from './user';
import { UserItem, UserItemDraft } from './user-item';

/** `max_per_user` counts what the user owns or used up; a purchase taken back (withdrawn, refunded) frees its place. */
export const countsTowardPurchaseLimit = (userItem: UserItem): boolean =>
  userItem.status !== 'withdrawn' && userItem.status !== 'refunded';

export interface PurchaseRequest {
  user: User;
  item: Item;
  /** The user's items of this item that count toward `max_per_user` (`countsTowardPurchaseLimit`). */
  ownedCount: number;
  /** Who asks (`client:<name>`) and the idempotency key, for the receipt. */
  source: string;
  externalRef: string | null;
  now: Date;
}

export interface Purchase {
  user: User;
  receipt: ReceiptDraft;
  /** The receipt id is only known once the receipt is appended. */
  userItem: Omit<UserItemDraft, 'receiptId'>;
}

export type PurchaseFailure = FailureOf<'ItemNotSellable' | 'PurchaseLimitReached'> | BalanceFailure;

/** Buying an item with points: the new balance, its receipt and the inventory entry, with the price as paid. */
export function decidePurchase(request: PurchaseRequest): Result<Purchase, PurchaseFailure> {
  const { user, item, now } = request;
  if (!item.sellable) return fail({ type: 'ItemNotSellable' });
  if (item.maxPerUser !== null && request.ownedCount >= item.maxPerUser) {
    return fail({ type: 'PurchaseLimitReached', maxPerUser: item.maxPerUser });
  }
  const charged = changeBalance(user, {
    kind: 'purchase',
    // `0 - price` keeps a free item's delta at 0 rather than -0.
    delta: 0 - item.price,
    reason: `purchase ${item.sku}`,
    source: request.source,
    externalRef: request.externalRef,
    at: now,
  });
  if (!charged.ok) return charged;
  return ok({
    ...charged.value,
    userItem: {
      userId: user.id,
      itemId: item.id,
      pricePaid: item.price,
      status: 'active',
      expiresAt: expiryOf(item, now),
      acquiredVia: 'points',
      withdrawnAt: null,
      createdAt: now,
      updatedAt: now,
    },
  });
}
