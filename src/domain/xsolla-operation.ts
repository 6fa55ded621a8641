import { ReversalRequest, XsollaReversalKind } from './xsolla-notification';

/** The idempotency keys' first half: a reversal reuses its payment's transaction id under its own kind. */
export type XsollaOperationKind = 'payment' | XsollaReversalKind | 'user_balance_operation';

/**
 * `applied`: its effect is in the ledger; `deferred`: a reversal waiting for its payment; `acknowledged`: a wallet
 * note that changes nothing in Forte.
 */
export type XsollaOperationState = 'applied' | 'deferred' | 'acknowledged';

/**
 * One notification's effect, stored once under its unique key (kind, Xsolla's transaction id or `id_operation`):
 * a second delivery of the same notification finds the key taken and changes nothing.
 */
export interface XsollaOperation {
  id: number;
  kind: XsollaOperationKind;
  externalId: string;
  userId: number;
  /** The stored delivery that made it. */
  notificationId: number;
  state: XsollaOperationState;
  /** What a reversal asks to take back (at once, or once its payment arrives); null for any other operation. */
  request: ReversalRequest | null;
  /** The receipt that explains its effect on the balance; null when it moved nothing (yet). */
  receiptId: number | null;
  createdAt: Date;
  appliedAt: Date | null;
}

export type NewXsollaOperation = Omit<XsollaOperation, 'id'>;
