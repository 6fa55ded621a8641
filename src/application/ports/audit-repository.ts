import { Receipt } from '../../domain/receipt';
import { UserItem } from '../../domain/user-item';

/** A receipt as the audit reads it: the fields its invariants are about. */
export type AuditedReceipt = Pick<
  Receipt,
  'id' | 'userId' | 'kind' | 'delta' | 'balanceBefore' | 'balanceAfter' | 'debt'
>;

/** A user item with what its receipt says about it (null fields when the receipt is missing). */
export interface AuditedUserItem extends Pick<UserItem, 'id' | 'userId' | 'receiptId' | 'pricePaid' | 'acquiredVia'> {
  receipt: Pick<Receipt, 'userId' | 'kind' | 'delta'> | null;
}

/** Position in an ordered walk: after user `userId`'s record `id` (0, 0 before the first). */
export interface AuditCursor {
  userId: number;
  id: number;
}

/**
 * The whole ledger, read in batches in a fixed order so that an audit streams through any size of database with
 * bounded memory. Soft-deleted users are included: their history must add up too.
 */
export interface AuditRepository {
  /** How many users and user items there are, for a progress bar. */
  totals(): Promise<{ users: number; userItems: number }>;
  /** Users with their stored balance, by id, after `afterId`. */
  users(afterId: number, limit: number): Promise<{ id: number; points: number }[]>;
  /** Receipts ordered by user, then id, after `after`. */
  receipts(after: AuditCursor, limit: number): Promise<AuditedReceipt[]>;
  /** User items by id, after `afterId`, each with its receipt's user, kind and delta. */
  userItems(afterId: number, limit: number): Promise<AuditedUserItem[]>;
}
