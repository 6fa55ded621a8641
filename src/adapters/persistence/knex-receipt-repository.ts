import { Knex } from 'knex';
import { z } from 'zod';
import { PageRequest } from '../../application/ports/page-request';
import { ReceiptPage, ReceiptRepository } from '../../application/ports/receipt-repository';
import { Receipt, RECEIPT_KINDS } from '../../domain/receipt';
import { flagColumn, integerColumn, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { newestFirstPage } from './newest-first-page';
import { rowParser } from './row-parser';

/** A `receipts` row, checked and named as the domain names it. */
const toReceipt: (row: unknown) => Receipt = rowParser(
  z.object({
    id: integerColumn,
    userId: integerColumn,
    kind: z.enum(RECEIPT_KINDS),
    delta: integerColumn,
    balanceBefore: integerColumn,
    balanceAfter: integerColumn,
    reason: z.string(),
    source: z.string(),
    externalRef: z.string().nullable(),
    debt: flagColumn,
    createdAt: timestampColumn,
  }),
);

export class KnexReceiptRepository implements ReceiptRepository {
  constructor(private readonly db: Knex) {}

  findById(userId: number, receiptId: number): Promise<Receipt | null> {
    return firstOrNull(this.db('receipts').where({ id: receiptId, user_id: userId }), toReceipt);
  }

  async listByUser(userId: number, page: PageRequest): Promise<ReceiptPage> {
    const { records, more } = await newestFirstPage(this.db('receipts').where({ user_id: userId }), page, toReceipt);
    return { receipts: records, more };
  }
}
