import { attendanceRepositoryContract } from './attendance-repository.contract';
import { clientRepositoryContract } from './client-repository.contract';
import { idempotencyRepositoryContract } from './idempotency-repository.contract';
import { itemRepositoryContract } from './item-repository.contract';
import { receiptRepositoryContract } from './receipt-repository.contract';
import { reconciliationRepositoryContract } from './reconciliation-repository.contract';
import { PersistenceTarget } from './support/persistence-target';
import { textLimitsContract } from './text-limits.contract';
import { unitOfWorkContract } from './unit-of-work.contract';
import { userItemRepositoryContract } from './user-item-repository.contract';
import { userRepositoryContract } from './user-repository.contract';
import { walletMirrorRepositoryContract } from './wallet-mirror-repository.contract';
import { xsollaPaymentRepositoryContract } from './xsolla-payment-repository.contract';

/** Every persistence port's shared suite, for one adapter. */
export function persistenceContracts(target: () => PersistenceTarget): void {
  userRepositoryContract(target);
  receiptRepositoryContract(target);
  clientRepositoryContract(target);
  idempotencyRepositoryContract(target);
  itemRepositoryContract(target);
  userItemRepositoryContract(target);
  attendanceRepositoryContract(target);
  unitOfWorkContract(target);
  textLimitsContract(target);
  xsollaPaymentRepositoryContract(target);
  walletMirrorRepositoryContract(target);
  reconciliationRepositoryContract(target);
}
