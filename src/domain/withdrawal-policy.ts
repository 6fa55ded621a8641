import { HOUR_MS } from './duration';
import { FailureOf } from './failure';
import { Item } from './item';
import { creditBalance } from './points';
import { ReceiptDraft } from './receipt';
import { fail, ok, Result } from './result';
import { isSameSeoulDay } from './seoul-day';
import { User } from './user';
import { effectiveStatus, UserItem } from './user-item';

/** A purchase can be taken back while it is younger than this (7 days). */
export const WITHDRAWAL_WINDOW_HOURS = 168;

export type WithdrawalRefusal = FailureOf<'WithdrawalNotAllowed'>['reason'];

export interface WithdrawalRequest {
  user: User;
  item: Item;
  userItem: UserItem;
  /** The user's most recent withdrawal of any item; at most one is allowed per Asia/Seoul day. */
  lastWithdrawalAt: Date | null;
  source: string;
  externalRef: string | null;
  now: Date;
}

export interface Withdrawal {
  user: User;
  receipt: ReceiptDraft;
  userItem: UserItem;
}

/** What the rules of 청약철회 look at; a panel asks them of every item it lists, before anyone asks to withdraw. */
export type WithdrawalCheck = Pick<WithdrawalRequest, 'item' | 'userItem' | 'lastWithdrawalAt' | 'now'>;

/** The first rule of 청약철회 that the request breaks, in the order the legacy service reports them. */
export function withdrawalRefusal(request: WithdrawalCheck): WithdrawalRefusal | null {
  const { item, userItem, now } = request;
  // Only a purchase paid with points can be taken back here; Xsolla refunds its own sales.
  if (!item.withdrawable || userItem.acquiredVia !== 'points') return 'not_withdrawable';
  if (effectiveStatus(userItem, now) !== 'active') return 'not_active';
  if (now.getTime() - userItem.createdAt.getTime() >= WITHDRAWAL_WINDOW_HOURS * HOUR_MS) return 'too_late';
  if (request.lastWithdrawalAt !== null && isSameSeoulDay(request.lastWithdrawalAt, now)) return 'daily_limit';
  return null;
}

/** 청약철회: refunds the price actually paid and marks the user item withdrawn. */
export function decideWithdrawal(
  request: WithdrawalRequest,
): Result<Withdrawal, FailureOf<'WithdrawalNotAllowed' | 'BalanceOutOfRange'>> {
  const { user, item, userItem, now } = request;
  if (userItem.userId !== user.id || userItem.itemId !== item.id) {
    throw new Error(`User item ${userItem.id} is not item ${item.id} of user ${user.id}`);
  }
  const reason = withdrawalRefusal(request);
  if (reason !== null) return fail({ type: 'WithdrawalNotAllowed', reason });
  const refunded = creditBalance(user, {
    kind: 'withdrawal',
    delta: userItem.pricePaid,
    reason: `withdrawal ${item.sku}`,
    source: request.source,
    externalRef: request.externalRef,
    at: now,
  });
  if (!refunded.ok) return refunded;
  return ok({
    ...refunded.value,
    userItem: { ...userItem, status: 'withdrawn', withdrawnAt: now, updatedAt: now },
  });
}
