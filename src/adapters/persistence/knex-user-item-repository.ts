import { Knex } from 'knex';
import { z } from 'zod';
import { PageRequest } from '../../application/ports/page-request';
import { UserItemPage, UserItemRepository } from '../../application/ports/user-item-repository';
import { USER_ITEM_STATUSES, UserItem, UserItemDraft, UserItemStatus } from '../../domain/user-item';
import { integerColumn, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { newestFirstPage } from './newest-first-page';
import { insertRecord } from './record-columns';
import { rowParser } from './row-parser';

/** A `user_items` row, checked and named as the domain names it. */
const toUserItem: (row: unknown) => UserItem = rowParser(
  z.object({
    id: integerColumn,
    userId: integerColumn,
    itemId: integerColumn,
    receiptId: integerColumn.nullable(),
    pricePaid: integerColumn,
    status: z.enum(USER_ITEM_STATUSES),
    expiresAt: timestampColumn.nullable(),
    acquiredVia: z.enum(['points', 'xsolla']),
    withdrawnAt: timestampColumn.nullable(),
    createdAt: timestampColumn,
    updatedAt: timestampColumn,
  }),
);

/** The statuses `countsTowardPurchaseLimit` leaves out. */
const TAKEN_BACK: UserItemStatus[] = ['withdrawn', 'refunded'];

const toCount = rowParser(z.object({ count: integerColumn }));
const toLatestWithdrawal = rowParser(z.object({ latest: timestampColumn.nullable() }));

export class KnexUserItemRepository implements UserItemRepository {
  constructor(private readonly db: Knex) {}

  insert(draft: UserItemDraft): Promise<UserItem> {
    return insertRecord(this.db('user_items'), draft);
  }

  findById(userId: number, userItemId: number): Promise<UserItem | null> {
    return firstOrNull(this.ofUser(userId).where({ id: userItemId }), toUserItem);
  }

  // SQLite compiles forUpdate() to nothing: its transactions begin immediately and already exclude other writers.
  lockById(userId: number, userItemId: number): Promise<UserItem | null> {
    return firstOrNull(this.ofUser(userId).where({ id: userItemId }).forUpdate(), toUserItem);
  }

  async listByUser(userId: number, page: PageRequest): Promise<UserItemPage> {
    const { records, more } = await newestFirstPage(this.ofUser(userId), page, toUserItem);
    return { userItems: records, more };
  }

  async countTowardLimit(userId: number, itemId: number): Promise<number> {
    // The SQL form of the domain's `countsTowardPurchaseLimit`.
    const rows: unknown[] = await this.ofUser(userId)
      .where({ item_id: itemId })
      .whereNotIn('status', TAKEN_BACK)
      .count({ count: '*' });
    return toCount(rows[0]).count;
  }

  async listByReceipt(userId: number, receiptId: number): Promise<UserItem[]> {
    const rows: unknown[] = await this.ofUser(userId).where({ receipt_id: receiptId }).orderBy('id');
    return rows.map(toUserItem);
  }

  async save(userItem: UserItem): Promise<void> {
    const changed = await this.ofUser(userItem.userId).where({ id: userItem.id }).update({
      status: userItem.status,
      withdrawn_at: userItem.withdrawnAt,
      updated_at: userItem.updatedAt,
    });
    if (changed !== 1) throw new Error(`Cannot save user item ${userItem.id} of user ${userItem.userId}: no such row`);
  }

  async latestWithdrawalAt(userId: number): Promise<Date | null> {
    const rows: unknown[] = await this.ofUser(userId).max({ latest: 'withdrawn_at' });
    return toLatestWithdrawal(rows[0]).latest;
  }

  private ofUser(userId: number): Knex.QueryBuilder {
    return this.db('user_items').where({ user_id: userId });
  }
}
