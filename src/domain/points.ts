import { fail, ok, Result } from './result';
import { FailureOf } from './failure';
import { User } from './user';
import { assertReceiptTextsFit, ReceiptDraft, ReceiptKind } from './receipt';

/** One grant or deduction moves at most this many points either way. */
export const MAX_GRANT = 1_000_000_000;
/** A reason a bot or an operator gives for a grant. */
export const GRANT_REASON_MAX_LENGTH = 255;

export interface BalanceChange {
  kind: ReceiptKind;
  delta: number;
  reason: string;
  source: string;
  externalRef: string | null;
  at: Date;
  /** Only a Xsolla refund may push the balance below zero; the receipt is then flagged as a debt. */
  mayOverdraw?: boolean;
}

export type BalanceFailure = FailureOf<'InsufficientPoints' | 'BalanceOutOfRange'>;

/**
 * Decides a balance change: the new balance and the receipt that explains it. No debit may leave the balance
 * below zero (a negative balance, a debt, cannot be spent), except a forced one; a credit always lands, even
 * when it only shrinks a debt.
 */
export function changeBalance(
  user: User,
  change: BalanceChange,
): Result<{ user: User; receipt: ReceiptDraft }, BalanceFailure> {
  if (!Number.isSafeInteger(change.delta)) throw new Error(`A points delta must be a safe integer: ${change.delta}`);
  const after = user.points + change.delta;
  if (!Number.isSafeInteger(after)) return fail({ type: 'BalanceOutOfRange' });
  if (change.delta < 0 && after < 0 && !change.mayOverdraw) {
    return fail({ type: 'InsufficientPoints', balance: user.points, required: -change.delta });
  }
  const receipt: ReceiptDraft = {
    userId: user.id,
    kind: change.kind,
    delta: change.delta,
    balanceBefore: user.points,
    balanceAfter: after,
    reason: change.reason,
    source: change.source,
    externalRef: change.externalRef,
    debt: after < 0,
    createdAt: change.at,
  };
  assertReceiptTextsFit(receipt);
  return ok({ user: { ...user, points: after, updatedAt: change.at }, receipt });
}

/** A change that only adds points: it can fail only by overflowing, never for want of points. */
export function creditBalance(
  user: User,
  change: BalanceChange,
): Result<{ user: User; receipt: ReceiptDraft }, FailureOf<'BalanceOutOfRange'>> {
  if (change.delta < 0) throw new Error(`A credit is never negative: ${change.delta}`);
  const credited = changeBalance(user, change);
  if (credited.ok) return credited;
  if (credited.failure.type === 'BalanceOutOfRange') return fail(credited.failure);
  throw new Error(`A credit of ${change.delta} points was refused as ${credited.failure.type}`);
}
