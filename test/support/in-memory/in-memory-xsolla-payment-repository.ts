import { XsollaPaymentRepository } from '../../../src/application/ports/xsolla-payment-repository';
import { NewXsollaOperation, XsollaOperation } from '../../../src/domain/xsolla-operation';
import { awaitingPayment, XsollaTransaction } from '../../../src/domain/xsolla-transaction';
import { InMemoryState } from './in-memory-state';

export class InMemoryXsollaPaymentRepository implements XsollaPaymentRepository {
  constructor(private readonly state: InMemoryState) {}

  // The unit of work runs one transaction at a time, so reading is locking.
  async claimTransaction(transactionId: string, userId: number, at: Date): Promise<XsollaTransaction> {
    if (!this.state.xsollaTransactions.has(transactionId)) {
      await this.saveTransaction(awaitingPayment(transactionId, userId), at);
    }
    return structuredClone(this.state.xsollaTransactions.get(transactionId) as XsollaTransaction);
  }

  findTransaction(transactionId: string): Promise<XsollaTransaction | null> {
    const stored = this.state.xsollaTransactions.get(transactionId);
    return Promise.resolve(stored ? structuredClone(stored) : null);
  }

  /** A new transaction's row, as the ledger writes it with its payment (`Ledger.postWith`): its id is unique. */
  insertTransaction(transaction: XsollaTransaction, at: Date): Promise<void> {
    if (this.state.xsollaTransactions.has(transaction.transactionId)) {
      return Promise.reject(new Error(`Xsolla transaction ${transaction.transactionId} exists (unique key)`));
    }
    return this.saveTransaction(transaction, at);
  }

  saveTransaction(transaction: XsollaTransaction, at: Date): Promise<void> {
    const { userId, paymentReceiptId } = transaction;
    if (!this.state.users.has(userId)) return Promise.reject(new Error(`No user ${userId} (foreign key)`));
    if (paymentReceiptId !== null && !this.state.receipts.some((receipt) => receipt.id === paymentReceiptId)) {
      return Promise.reject(new Error(`No receipt ${paymentReceiptId} (foreign key)`));
    }
    this.state.xsollaTransactions.set(transaction.transactionId, structuredClone(transaction));
    if (!this.state.xsollaTransactionTimes.has(transaction.transactionId)) {
      this.state.xsollaTransactionTimes.set(transaction.transactionId, at);
    }
    return Promise.resolve();
  }

  insertOperation(operation: NewXsollaOperation): Promise<XsollaOperation | 'duplicate'> {
    const taken = this.state.xsollaOperations.some(
      (stored) => stored.kind === operation.kind && stored.externalId === operation.externalId,
    );
    if (taken) return Promise.resolve('duplicate');
    if (!this.state.xsollaNotifications.has(operation.notificationId)) {
      return Promise.reject(new Error(`No Xsolla notification ${operation.notificationId} (foreign key)`));
    }
    this.state.lastIds.xsollaOperation += 1;
    const stored: XsollaOperation = { id: this.state.lastIds.xsollaOperation, ...structuredClone(operation) };
    this.state.xsollaOperations.push(stored);
    return Promise.resolve(structuredClone(stored));
  }

  deferredReversals(transactionId: string): Promise<XsollaOperation[]> {
    const deferred = this.state.xsollaOperations.filter(
      (operation) =>
        operation.externalId === transactionId &&
        operation.state === 'deferred' &&
        operation.kind !== 'user_balance_operation',
    );
    return Promise.resolve(structuredClone(deferred));
  }

  markApplied(operationId: number, receiptId: number | null, at: Date): Promise<void> {
    const stored = this.state.xsollaOperations.find((operation) => operation.id === operationId);
    if (!stored) return Promise.reject(new Error(`Cannot mark Xsolla operation ${operationId} applied: no such row`));
    Object.assign(stored, { state: 'applied', receiptId, appliedAt: at });
    return Promise.resolve();
  }
}
