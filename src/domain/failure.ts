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
  | { type: 'ClientNotFound' };

export type FailureType = Failure['type'];

/** Narrows a union of failures to some of its members, so each use case declares exactly what it can answer. */
export type FailureOf<T extends FailureType> = Extract<Failure, { type: T }>;
