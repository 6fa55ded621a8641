/** A SKU and how many of it. */
export interface SkuCount {
  sku: string;
  count: number;
}

/** What a Xsolla payment delivers, or a partial refund takes back: points and items by SKU. */
export interface XsollaGoods {
  points: number;
  items: SkuCount[];
}

/** Money as Xsolla states it: the amount as a decimal string (never a float) and its currency. */
export interface XsollaMoney {
  amount: string;
  currency: string;
}

/** What a reversal takes back: everything its payment credited (a refund), or what it lists (a partial refund). */
export type ReversalRequest = { whole: true } | { whole: false; goods: XsollaGoods };

/** The notifications that undo a payment, each under its own idempotency key. */
export type XsollaReversalKind = 'refund' | 'partial_refund' | 'afs_reject';

/** What a notification asks of Forte, whatever its wire shape (`payment` or `order_paid`, ...). */
export type XsollaAction =
  | { kind: 'validate_user' }
  | { kind: 'credit'; transactionId: string; goods: XsollaGoods; payment: XsollaMoney | null; dryRun: boolean }
  | { kind: 'reverse'; reversal: XsollaReversalKind; transactionId: string; request: ReversalRequest }
  /** Xsolla's note of a change to its own copy of the wallet (`user_balance_operation`). */
  | { kind: 'wallet_operation'; operationId: string; operationType: string; diff: number }
  /** A type Forte does not act on: stored and acknowledged. */
  | { kind: 'record' };

/** A verified Xsolla webhook, read from its wire format. Ids stay strings: they may exceed 2^53. */
export interface XsollaNotification {
  /** `notification_type` as Xsolla sent it. */
  type: string;
  /** The user as Xsolla names it: Forte's user id (`user.id`, or `user.external_id` in `order_*`), if any. */
  userRef: string | null;
  /** The id the notification is keyed by: its transaction's id, or `id_operation`; null when it has none. */
  externalId: string | null;
  action: XsollaAction;
}

/** Xsolla's `operation_type`s of a wallet change that Forte applies: spending or a coupon in Xsolla's store. */
export const APPLIED_WALLET_OPERATIONS: readonly string[] = ['inGamePurchase', 'coupon'];

/** Forte's user id in Xsolla's user reference: plain digits of a positive safe integer, or null. */
export function forteUserIdOf(userRef: string | null): number | null {
  if (userRef === null || !/^[1-9][0-9]{0,15}$/.test(userRef)) return null;
  const id = Number(userRef);
  return Number.isSafeInteger(id) ? id : null;
}

/** The most items one notification may grant: more would be a mistake, not a purchase. */
export const MAX_GRANTED_ITEMS = 1000;

/** Points as Xsolla writes a balance or a change of it: a whole number, maybe as a decimal ("200.00"); else null. */
export function wholePointsOf(text: string): number | null {
  if (!/^-?[0-9]{1,15}(\.0+)?$/.test(text)) return null;
  return Number(text.replace(/\.0+$/, '')) || 0;
}
