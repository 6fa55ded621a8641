import { Knex } from 'knex';
import { z } from 'zod';
import { XsollaPaymentRepository } from '../../application/ports/xsolla-payment-repository';
import { ReversalRequest } from '../../domain/xsolla-notification';
import { NewXsollaOperation, XsollaOperation } from '../../domain/xsolla-operation';
import { awaitingPayment, XsollaTransaction } from '../../domain/xsolla-transaction';
import { flagColumn, integerColumn, timestampColumn } from './column-values';
import { isUniqueViolation } from './database-errors';
import { firstOrNull } from './first-or-null';
import { GeneratedIdTakenError } from './generated-id-taken-error';
import { insertedId } from './inserted-id';
import { insertOrLock } from './insert-or-lock';
import { asColumns } from './record-columns';
import { rowParser } from './row-parser';
import { upsertRecord } from './upsert-record';
import { newXsollaOperationRow, xsollaTransactionColumns } from './xsolla-rows';

/** An `xsolla_transactions` row, checked and named as the domain names it. */
const toTransaction: (row: unknown) => XsollaTransaction = rowParser(
  z
    .object({
      transactionId: z.string(),
      userId: integerColumn,
      paymentReceiptId: integerColumn.nullable(),
      creditedPoints: integerColumn,
      reversedPoints: integerColumn,
      paymentAmount: z.string().nullable(),
      paymentCurrency: z.string().nullable(),
      dryRun: flagColumn,
    })
    .transform(({ paymentAmount, paymentCurrency, ...transaction }) => ({
      ...transaction,
      payment:
        paymentAmount === null || paymentCurrency === null
          ? null
          : { amount: paymentAmount, currency: paymentCurrency },
    })),
);

const skuCount = z.object({ sku: z.string(), count: z.number().int() });

/** A reversal's request, stored as JSON. */
const reversalRequest: z.ZodType<ReversalRequest> = z.union([
  z.object({ whole: z.literal(true) }),
  z.object({ whole: z.literal(false), goods: z.object({ points: z.number().int(), items: z.array(skuCount) }) }),
]);

const toOperation: (row: unknown) => XsollaOperation = rowParser(
  z.object({
    id: integerColumn,
    kind: z.enum(['payment', 'refund', 'partial_refund', 'afs_reject', 'user_balance_operation']),
    externalId: z.string(),
    userId: integerColumn,
    notificationId: integerColumn,
    state: z.enum(['applied', 'deferred', 'acknowledged']),
    request: z
      .string()
      .nullable()
      .transform((text) => (text === null ? null : reversalRequest.parse(JSON.parse(text)))),
    receiptId: integerColumn.nullable(),
    createdAt: timestampColumn,
    appliedAt: timestampColumn.nullable(),
  }),
);

export class KnexXsollaPaymentRepository implements XsollaPaymentRepository {
  constructor(private readonly db: Knex) {}

  // The insert takes the new row's own lock, or the existing row's exclusive one (`insertOrLock`), so the read after
  // it takes none: on MariaDB a locking read by this unique key also locks the gap before the row, where the next
  // payments' ids (Xsolla's ids grow) are inserted, and payments waited for each other (a fifth of their time under
  // load, measured). Rows of one user are written under that user's lock, taken before the claim, so the read sees
  // their last version; a row another user's notification wrote meanwhile names that user, which is refused. No row
  // at all is an insert that met another transaction's row under its generated id, or a row committed after this
  // transaction's first read: either way it runs again (`GeneratedIdTakenError`).
  async claimTransaction(transactionId: string, userId: number, at: Date): Promise<XsollaTransaction> {
    const { transactionId: key, ...fields } = xsollaTransactionColumns(awaitingPayment(transactionId, userId));
    // Issued together, in this order (one round trip on MySQL): the row is there and locked when it is read.
    const [, claimed] = await Promise.all([
      insertOrLock(
        this.db,
        'xsolla_transactions',
        { transaction_id: key },
        { ...asColumns(fields), created_at: at, updated_at: at },
      ),
      firstOrNull(this.db('xsolla_transactions').where({ transaction_id: transactionId }), toTransaction),
    ]);
    if (!claimed) throw new GeneratedIdTakenError('xsolla_transactions');
    return claimed;
  }

  findTransaction(transactionId: string): Promise<XsollaTransaction | null> {
    return firstOrNull(this.db('xsolla_transactions').where({ transaction_id: transactionId }), toTransaction);
  }

  async saveTransaction(transaction: XsollaTransaction, at: Date): Promise<void> {
    const { transactionId, ...fields } = xsollaTransactionColumns(transaction);
    await upsertRecord(this.db, 'xsolla_transactions', { transaction_id: transactionId }, fields, at);
  }

  async insertOperation(operation: NewXsollaOperation): Promise<XsollaOperation | 'duplicate'> {
    try {
      const result: unknown = await this.db('xsolla_operations').insert(
        newXsollaOperationRow(operation, operation.receiptId),
      );
      return { id: insertedId(result), ...operation };
    } catch (error) {
      // (kind, external_id) is the table's only unique key besides the generated id.
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  async deferredReversals(transactionId: string): Promise<XsollaOperation[]> {
    const rows: unknown[] = await this.db('xsolla_operations')
      .where({ external_id: transactionId, state: 'deferred' })
      .whereNot({ kind: 'user_balance_operation' })
      .orderBy('id');
    return rows.map(toOperation);
  }

  async markApplied(operationId: number, receiptId: number | null, at: Date): Promise<void> {
    const changed = await this.db('xsolla_operations')
      .where({ id: operationId })
      .update({ state: 'applied', receipt_id: receiptId, applied_at: at });
    if (changed !== 1) throw new Error(`Cannot mark Xsolla operation ${operationId} applied: no such row`);
  }
}
