import { ForteTransactionFacts } from '../../domain/reconciliation';

/** A span of time, `from` included, `until` excluded. */
export interface TimeRange {
  from: Date;
  until: Date;
}

/** Position in a walk of Forte's Xsolla transactions by time: after this one (null: from the start). */
export interface TransactionCursor {
  createdAt: Date;
  id: number;
}

/** Forte's facts about one Xsolla transaction, with where it stands in the walk. */
export type StoredTransactionFacts = ForteTransactionFacts & { id: number };

/** A user's balance in Forte, and whether a change of it still waits to be mirrored to Xsolla (the outbox). */
export interface UserBalance {
  userId: number;
  points: number;
  pendingSync: boolean;
}

/** The last reconciliation run that finished, for `/metrics`. */
export interface FinishedRun {
  id: number;
  mismatches: number;
  finishedAt: Date;
}

/** What a reconciliation reads from Forte, in batches so that any number of transactions streams through. */
export interface ReconciliationReads {
  /** Xsolla transactions Forte holds, created within `range`, by (creation time, id) after `after`. */
  transactions(range: TimeRange, after: TransactionCursor | null, limit: number): Promise<StoredTransactionFacts[]>;
  /** The balances of these users (unknown ids are left out). */
  balances(userIds: number[]): Promise<UserBalance[]>;
  /** Every user's balance by id after `afterId`: `--balances all`. */
  balancesAfter(afterId: number, limit: number): Promise<UserBalance[]>;
  lastFinishedRun(): Promise<FinishedRun | null>;
}

/** A run as it starts. */
export interface NewReconciliationRun {
  windowFrom: string;
  windowTo: string;
  source: string;
  apply: boolean;
  startedAt: Date;
}

/** What a run came to. */
export interface ReconciliationRunOutcome {
  mismatches: number;
  repaired: number;
  needsHuman: number;
  summary: unknown;
  finishedAt: Date;
}

/** The record of reconciliation runs: their ids are what repairs name in their receipts. */
export interface ReconciliationRunRepository {
  start(run: NewReconciliationRun): Promise<number>;
  finish(id: number, outcome: ReconciliationRunOutcome): Promise<void>;
  fail(id: number, error: string, at: Date): Promise<void>;
}
