import { Knex } from 'knex';
import { z } from 'zod';
import {
  AuditCursor,
  AuditedReceipt,
  AuditedUserItem,
  AuditRepository,
} from '../../application/ports/audit-repository';
import { RECEIPT_KINDS } from '../../domain/receipt';
import { integerColumn } from './column-values';
import { receiptRow } from './knex-receipt-repository';
import { rowParser } from './row-parser';

const toCount = rowParser(z.object({ count: integerColumn }));

const toBalance = rowParser(z.object({ id: integerColumn, points: integerColumn }));

const toReceipt: (row: unknown) => AuditedReceipt = rowParser(
  receiptRow.pick({
    id: true,
    userId: true,
    kind: true,
    delta: true,
    balanceBefore: true,
    balanceAfter: true,
    debt: true,
  }),
);

const toUserItem: (row: unknown) => AuditedUserItem = rowParser(
  z
    .object({
      id: integerColumn,
      userId: integerColumn,
      receiptId: integerColumn.nullable(),
      pricePaid: integerColumn,
      acquiredVia: z.enum(['points', 'xsolla']),
      receiptUserId: integerColumn.nullable(),
      receiptKind: z.enum(RECEIPT_KINDS).nullable(),
      receiptDelta: integerColumn.nullable(),
    })
    .transform(({ receiptUserId, receiptKind, receiptDelta, ...item }) => ({
      ...item,
      receipt:
        receiptUserId === null || receiptKind === null || receiptDelta === null
          ? null
          : { userId: receiptUserId, kind: receiptKind, delta: receiptDelta },
    })),
);

/** Keyset pages over the primary and (user_id, id) indexes: each batch is one index range scan. */
export class KnexAuditRepository implements AuditRepository {
  constructor(private readonly db: Knex) {}

  async totals(): Promise<{ users: number; userItems: number }> {
    const [users] = (await this.db('users').count({ count: '*' })) as unknown[];
    const [userItems] = (await this.db('user_items').count({ count: '*' })) as unknown[];
    return { users: toCount(users).count, userItems: toCount(userItems).count };
  }

  async users(afterId: number, limit: number): Promise<{ id: number; points: number }[]> {
    const rows: unknown[] = await this.db('users')
      .select('id', 'points')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit);
    return rows.map(toBalance);
  }

  async receipts(after: AuditCursor, limit: number): Promise<AuditedReceipt[]> {
    const rows: unknown[] = await this.db('receipts')
      .select('id', 'user_id', 'kind', 'delta', 'balance_before', 'balance_after', 'debt')
      .where((page) =>
        page
          .where('user_id', '>', after.userId)
          .orWhere((same) => same.where('user_id', after.userId).andWhere('id', '>', after.id)),
      )
      .orderBy([{ column: 'user_id' }, { column: 'id' }])
      .limit(limit);
    return rows.map(toReceipt);
  }

  async userItems(afterId: number, limit: number): Promise<AuditedUserItem[]> {
    const rows: unknown[] = await this.db('user_items as ui')
      .leftJoin('receipts as r', 'r.id', 'ui.receipt_id')
      .select(
        'ui.id',
        'ui.user_id',
        'ui.receipt_id',
        'ui.price_paid',
        'ui.acquired_via',
        'r.user_id as receipt_user_id',
        'r.kind as receipt_kind',
        'r.delta as receipt_delta',
      )
      .where('ui.id', '>', afterId)
      .orderBy('ui.id')
      .limit(limit);
    return rows.map(toUserItem);
  }
}
