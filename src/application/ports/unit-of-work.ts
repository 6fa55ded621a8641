import { AttendanceRepository } from './attendance-repository';
import { ClientRepository } from './client-repository';
import { IdempotencyRepository } from './idempotency-repository';
import { ItemRepository } from './item-repository';
import { ReceiptRepository } from './receipt-repository';
import { UserItemRepository } from './user-item-repository';
import { UserRepository } from './user-repository';

/** The repositories of one database transaction. */
export interface Transaction {
  users: UserRepository;
  receipts: ReceiptRepository;
  idempotency: IdempotencyRepository;
  clients: ClientRepository;
  items: ItemRepository;
  userItems: UserItemRepository;
  attendances: AttendanceRepository;
}

/**
 * Runs work in one database transaction: committed when the work resolves, rolled back when it throws.
 * An adapter may run the work again from the start after a deadlock, so work must not have effects outside
 * the transaction.
 */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}
