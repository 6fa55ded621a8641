import { Receipt } from '../../domain/receipt';

/** What happened, told to whoever watches (metrics, notifications) once the transaction that did it committed. */
export type ForteEvent =
  | { type: 'LedgerPosted'; receipt: Receipt }
  /** A money-moving request answered from its stored result: nothing moved again. */
  | { type: 'IdempotentReplay'; scope: string }
  | XsollaNotificationHandled
  | ReconciliationFoundMismatches
  | LedgerAuditFailed;

/** A `forte-cli reconcile` run found Forte and Xsolla disagreeing: for the ops channel. */
export interface ReconciliationFoundMismatches {
  type: 'ReconciliationFoundMismatches';
  runId: number;
  days: { from: string; to: string };
  source: string;
  /** How many of each category (`missing_in_forte`, ...). */
  counts: Record<string, number>;
  mismatches: number;
  repaired: number;
  needsHuman: number;
}

/** `forte-cli audit` found invariants of the ledger broken: for the ops channel. */
export interface LedgerAuditFailed {
  type: 'LedgerAuditFailed';
  found: number;
  /** How many of each invariant broke. */
  counts: Record<string, number>;
  /** A few of the users involved. */
  userIds: number[];
}

/**
 * What Forte did with one Xsolla webhook: `applied` its ledger effect, found it a `duplicate` of one applied before,
 * `deferred` it (a refund before its payment, applied when the payment comes), `acknowledged` it without an effect
 * (a type Forte does not act on, a user validation), or `refused` it (a permanent 4xx: bad signature, unknown user).
 */
export interface XsollaNotificationHandled {
  type: 'XsollaNotificationHandled';
  notificationType: string;
  outcome: 'applied' | 'duplicate' | 'deferred' | 'acknowledged' | 'refused';
  /** Xsolla's transaction id (a string: it may exceed 2^53), or `id_operation`; null when there is none. */
  transactionId: string | null;
  userId: number | null;
  /** The points the ledger moved for it (negative for a reversal); 0 when nothing moved. */
  points: number;
}

export interface EventSink {
  /** Must not throw, and must not wait on anything slow: it runs right after a commit, before the answer. */
  publish(event: ForteEvent): void;
}
