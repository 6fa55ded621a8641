import { NewXsollaOperation, XsollaOperation } from '../../domain/xsolla-operation';
import { XsollaTransaction } from '../../domain/xsolla-transaction';

/** Xsolla's transactions and the operations that applied their notifications, each under its unique key. */
export interface XsollaPaymentRepository {
  /**
   * One Xsolla transaction, locked until the transaction ends. One Forte has not heard of yet is first stored as
   * awaiting its payment for `userId` (stamped `at`): claiming a new id then locks that id's row alone, where a
   * locking read of a missing id would lock the gap before it, which every newer id shares.
   */
  claimTransaction(transactionId: string, userId: number, at: Date): Promise<XsollaTransaction>;
  /** The Xsolla transaction's row as this unit of work's snapshot holds it, or null when there is none; no lock. */
  findTransaction(transactionId: string): Promise<XsollaTransaction | null>;
  /** Inserts the transaction, or overwrites the one with its Xsolla id; `at` stamps the change. */
  saveTransaction(transaction: XsollaTransaction, at: Date): Promise<void>;
  /**
   * Stores the operation under its unique key (kind, external id), or answers 'duplicate' when an operation holds
   * the key already: the database, not a read before the write, tells a second delivery from the first.
   */
  insertOperation(operation: NewXsollaOperation): Promise<XsollaOperation | 'duplicate'>;
  /** The transaction's reversals waiting for its payment, oldest first. */
  deferredReversals(transactionId: string): Promise<XsollaOperation[]>;
  /** A deferred reversal, applied now, with the receipt of what it took back (null when nothing was left). */
  markApplied(operationId: number, receiptId: number | null, at: Date): Promise<void>;
}
