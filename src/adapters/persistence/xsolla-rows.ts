import { Knex } from 'knex';
import { NewXsollaOperation } from '../../domain/xsolla-operation';
import { XsollaTransaction } from '../../domain/xsolla-transaction';
import { asColumns } from './record-columns';

/** A transaction's fields as its row stores them: the payment as amount and currency columns. */
export function xsollaTransactionColumns<T extends Omit<XsollaTransaction, 'paymentReceiptId'>>({
  payment,
  ...transaction
}: T) {
  return { ...transaction, paymentAmount: payment?.amount ?? null, paymentCurrency: payment?.currency ?? null };
}

/** A new `xsolla_transactions` row, created and updated at `at`; its payment's receipt is named apart when it has one. */
export function newXsollaTransactionRow(
  transaction: Omit<XsollaTransaction, 'paymentReceiptId'>,
  at: Date,
): Record<string, unknown> {
  const { transactionId, ...fields } = xsollaTransactionColumns(transaction);
  return { transaction_id: transactionId, ...asColumns(fields), created_at: at, updated_at: at };
}

/**
 * A new `xsolla_operations` row: the reversal's request as JSON, the receipt's id as a number or as the statement that
 * writes it names it (`KnexLedger`).
 */
export const newXsollaOperationRow = (
  operation: Omit<NewXsollaOperation, 'receiptId'>,
  receiptId: number | null | Knex.Raw,
): Record<string, unknown> => ({
  kind: operation.kind,
  external_id: operation.externalId,
  notification_id: operation.notificationId,
  user_id: operation.userId,
  state: operation.state,
  request: operation.request === null ? null : JSON.stringify(operation.request),
  receipt_id: receiptId,
  created_at: operation.createdAt,
  applied_at: operation.appliedAt,
});
