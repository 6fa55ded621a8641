import { Receipt, ReceiptDraft } from '../../domain/receipt';

/** Thrown when a posting finds its user's stored balance other than the one it was decided on. */
export class StaleBalanceError extends Error {
  constructor(readonly userId: number) {
    super(`The balance of user ${userId} changed after it was read; the transaction must run again`);
    this.name = 'StaleBalanceError';
  }
}

/**
 * The one way a balance changes: the user's balance and the receipt that explains it, written together in the
 * transaction. The write is guarded: it only lands while the stored balance is still the receipt's
 * `balanceBefore`, so a balance read without a lock (or changed on another node of a multi-primary cluster)
 * cannot be overwritten; the posting then throws StaleBalanceError and the unit of work runs the whole work again.
 * A change of the balance also queues it for the Xsolla balance mirror (its outbox row), in the same transaction.
 */
export interface Ledger {
  post(receipt: ReceiptDraft): Promise<Receipt>;
}
