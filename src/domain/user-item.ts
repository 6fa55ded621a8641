import { FailureOf } from './failure';
import { fail, ok, Result } from './result';

/** `withdrawn`: taken back by the user (청약철회); `refunded`: taken back by a Xsolla refund of its payment. */
export const USER_ITEM_STATUSES = ['active', 'consumed', 'expired', 'withdrawn', 'refunded'] as const;
export type UserItemStatus = (typeof USER_ITEM_STATUSES)[number];

export type AcquiredVia = 'points' | 'xsolla';

/** An entry of a user's inventory: one item the user owns, with what was paid for it. */
export interface UserItem {
  id: number;
  userId: number;
  itemId: number;
  /** The receipt of the purchase; null when the item came with a Xsolla payment. */
  receiptId: number | null;
  pricePaid: number;
  status: UserItemStatus;
  expiresAt: Date | null;
  acquiredVia: AcquiredVia;
  /** When it was taken back (청약철회); the one-withdrawal-per-day rule reads it. */
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type UserItemDraft = Omit<UserItem, 'id'>;

/** The stored status may lag behind the clock: an active item is expired from its `expiresAt` on. */
export function effectiveStatus(userItem: UserItem, now: Date): UserItemStatus {
  const expired = userItem.expiresAt !== null && now.getTime() >= userItem.expiresAt.getTime();
  return userItem.status === 'active' && expired ? 'expired' : userItem.status;
}

/** The user item as of `now`, with expiry applied, for answers and for writing back. */
export function asOf(userItem: UserItem, now: Date): UserItem {
  const status = effectiveStatus(userItem, now);
  return status === userItem.status ? userItem : { ...userItem, status };
}

/** A bot marks an item used; only an active (not expired) item can be. */
export function consume(userItem: UserItem, now: Date): Result<UserItem, FailureOf<'UserItemNotActive'>> {
  if (effectiveStatus(userItem, now) !== 'active') return fail({ type: 'UserItemNotActive' });
  return ok({ ...userItem, status: 'consumed', updatedAt: now });
}

/** A Xsolla refund takes the item back, whatever became of it since (a consumed item too). */
export const refund = (userItem: UserItem, now: Date): UserItem => ({
  ...userItem,
  status: 'refunded',
  updatedAt: now,
});
