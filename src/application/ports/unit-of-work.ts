import { AttendanceRepository } from './attendance-repository';
import { CheckoutLinkRepository } from './checkout-link-repository';
import { AuditRepository } from './audit-repository';
import { ClientRepository } from './client-repository';
import { IdempotencyRepository } from './idempotency-repository';
import { ItemRepository } from './item-repository';
import { Ledger } from './ledger';
import { ReceiptRepository } from './receipt-repository';
import { ReconciliationReads, ReconciliationRunRepository } from './reconciliation-repository';
import { UserItemRepository } from './user-item-repository';
import { UserRepository } from './user-repository';
import { WalletMirrorRepository } from './wallet-mirror-repository';
import { XsollaInbox } from './xsolla-inbox';
import { XsollaPaymentRepository } from './xsolla-payment-repository';

/** The repositories of one database transaction. */
export interface Transaction {
  ledger: Ledger;
  users: UserRepository;
  receipts: ReceiptRepository;
  idempotency: IdempotencyRepository;
  clients: ClientRepository;
  items: ItemRepository;
  userItems: UserItemRepository;
  attendances: AttendanceRepository;
  xsollaInbox: XsollaInbox;
  xsollaPayments: XsollaPaymentRepository;
  checkoutLinks: CheckoutLinkRepository;
  walletMirror: WalletMirrorRepository;
  reconciliationRuns: ReconciliationRunRepository;
  /**
   * Runs `effect` once this transaction has committed; never when it rolls back, nor for an attempt that a retry
   * replaced. Effects must not throw (one that does is reported, not answered) and must not wait on anything.
   */
  afterCommit(effect: () => void): void;
  /**
   * Marks `lastWrite`, just issued and not yet awaited, as the work's last statement, and answers it: the adapter may
   * send the COMMIT with it (one round trip on MySQL). The work must issue nothing after it, and return once it
   * answered; a failure of that write rolls the transaction back as any other.
   */
  commitWith<T>(lastWrite: Promise<T>): Promise<T>;
}

/** What a read may do: the repositories' lookups, none of their writes or locks. */
export interface Reads {
  users: Pick<UserRepository, 'findById' | 'findByDiscordId'>;
  receipts: Pick<ReceiptRepository, 'findById' | 'listByUser'>;
  clients: Pick<ClientRepository, 'findByTokenHash' | 'findByName' | 'list'>;
  items: Pick<ItemRepository, 'listSellable' | 'findById' | 'findBySku' | 'listAll'>;
  userItems: Pick<UserItemRepository, 'findById' | 'listByUser' | 'countTowardLimit' | 'latestWithdrawalAt'>;
  attendances: Pick<AttendanceRepository, 'findByDiscordId'>;
  audit: AuditRepository;
  checkoutLinks: Pick<CheckoutLinkRepository, 'findByCode'>;
  walletMirror: Pick<WalletMirrorRepository, 'dueUsers' | 'pendingChanges' | 'backlog'>;
  reconciliation: ReconciliationReads;
}

/**
 * Runs work in one database transaction: committed when the work resolves, rolled back when it throws.
 * An adapter may run the work again from the start after a deadlock, so work must not have effects outside
 * the transaction. Both methods throw StorageBusyError or StorageUnavailableError (storage-failures.ts) when the
 * database is too contended or cannot be reached.
 */
export interface UnitOfWork {
  /**
   * With `oneStatement`, the work writes with exactly one statement, atomic on its own: an adapter may run it
   * without a transaction around it (on MariaDB that saves the BEGIN and COMMIT round trips). Work of several
   * statements must never say so: a failure between them would leave the first ones written.
   */
  run<T>(work: (tx: Transaction) => Promise<T>, options?: { oneStatement?: boolean }): Promise<T>;
  /**
   * Runs lookups outside any write transaction: they take no write lock (SQLite's is the whole file), so they go
   * on while another transaction or process writes. Each lookup sees the latest committed data, or with
   * `snapshot` all of them see the database as it was when the first one ran (a read-only transaction).
   */
  read<T>(work: (reads: Reads) => Promise<T>, options?: { snapshot?: boolean }): Promise<T>;
}
