/**
 * Every expected business failure Forte can answer with. Adapters map each `type` to a status or exit code
 * through an exhaustive table, so a new failure without a mapping does not compile.
 */
export type Failure =
  | { type: 'UserNotFound' }
  | { type: 'DiscordIdTaken' }
  | { type: 'ReceiptNotFound' }
  | { type: 'InsufficientPoints'; balance: number; required: number }
  | { type: 'BalanceOutOfRange' }
  | { type: 'InvalidCursor' }
  | { type: 'IdempotencyKeyReused' }
  | { type: 'IdempotencyKeyInUse' }
  | { type: 'ClientNameTaken' }
  | { type: 'ClientNotFound' }
  | { type: 'ItemNotFound' }
  | { type: 'ItemNotSellable' }
  | { type: 'PurchaseLimitReached'; maxPerUser: number }
  | { type: 'UserItemNotFound' }
  | { type: 'UserItemNotActive' }
  | { type: 'WithdrawalNotAllowed'; reason: 'not_withdrawable' | 'not_active' | 'too_late' | 'daily_limit' }
  /** `diff` is the time left until the next Asia/Seoul day, as "Xh Ym Zs". */
  | { type: 'AlreadyCheckedIn'; diff: string }
  | { type: 'MaxKeyCount'; keyCount: number }
  | { type: 'NotEnoughKeys'; keyCount: number }
  /** A Xsolla notification names a transaction that Forte holds for another user. */
  | { type: 'XsollaTransactionMismatch' }
  /** Xsolla's merchant API did not answer in time, answered 5xx, or could not be reached: retry later. */
  | { type: 'XsollaUnavailable'; reason: string }
  /** Xsolla's merchant API refused the call (4xx): Forte's credentials or request, not the caller's. */
  | { type: 'XsollaRejected'; reason: string }
  /** The `XSOLLA_*` merchant credentials are not set. */
  | { type: 'XsollaNotConfigured' }
  | { type: 'CheckoutLinkNotFound' }
  | { type: 'CheckoutLinkExpired' }
  /** Discord refused the sign-in code: already used, expired, or never issued for this redirect. */
  | { type: 'DiscordCodeRejected' }
  | { type: 'DiscordUnavailable' }
  /** Discord vouched for the account, but no Forte user has that Discord id: register through a bot first. */
  | { type: 'DiscordUserNotRegistered' };

export type FailureType = Failure['type'];

/** Narrows a union of failures to some of its members, so each use case declares exactly what it can answer. */
export type FailureOf<T extends FailureType> = Extract<Failure, { type: T }>;
