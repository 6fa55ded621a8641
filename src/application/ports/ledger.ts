import { Receipt, ReceiptDraft } from '../../domain/receipt';
import { UserItem, UserItemDraft } from '../../domain/user-item';
import { NewXsollaOperation } from '../../domain/xsolla-operation';
import { PaidXsollaTransaction } from '../../domain/xsolla-transaction';

/** Thrown when a posting finds its user's stored balance other than the one it was decided on. */
export class StaleBalanceError extends Error {
  constructor(readonly userId: number) {
    super(`The balance of user ${userId} changed after it was read; the transaction must run again`);
    this.name = 'StaleBalanceError';
  }
}

/** New rows that name a receipt, written with it: each without the receipt's id, which the posting fills in. */
export interface ReceiptReferences {
  /** The user items the receipt paid for or granted. */
  userItems?: Omit<UserItemDraft, 'receiptId'>[];
  /** A Xsolla transaction first heard of with its payment: its new row and the payment's operation. */
  xsollaPayment?: {
    transaction: Omit<PaidXsollaTransaction, 'paymentReceiptId'>;
    operation: Omit<NewXsollaOperation, 'receiptId'>;
  };
}

export interface PostedWithReferences {
  receipt: Receipt;
  /** The user items written, in the order they were given. */
  userItems: UserItem[];
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
  /**
   * Posts `receipt` with the new rows that name it (`references`), issued together: on MySQL one round trip, which
   * the COMMIT may join (`commitWith`), since a stale balance fails the guarded write itself and nothing after it in
   * that round trip runs. The Xsolla transaction's row goes before its operation, so that another delivery's row,
   * stored meanwhile, fails the round trip on the row's unique key first (`isXsollaTransactionTaken`).
   */
  postWith(receipt: ReceiptDraft, references: ReceiptReferences): Promise<PostedWithReferences>;
}
