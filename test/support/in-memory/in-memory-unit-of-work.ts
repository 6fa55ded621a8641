import { AfterCommit } from '../../../src/application/ports/after-commit';
import { Reads, Transaction, UnitOfWork } from '../../../src/application/ports/unit-of-work';
import { InMemoryAttendanceRepository } from './in-memory-attendance-repository';
import { InMemoryAuditRepository } from './in-memory-audit-repository';
import { InMemoryClientRepository } from './in-memory-client-repository';
import { InMemoryIdempotencyRepository } from './in-memory-idempotency-repository';
import { InMemoryItemRepository } from './in-memory-item-repository';
import { InMemoryLedger } from './in-memory-ledger';
import { InMemoryReceiptRepository } from './in-memory-receipt-repository';
import { InMemoryReconciliationReads, InMemoryReconciliationRunRepository } from './in-memory-reconciliation';
import { emptyState, InMemoryState } from './in-memory-state';
import { InMemoryUserItemRepository } from './in-memory-user-item-repository';
import { InMemoryUserRepository } from './in-memory-user-repository';
import { InMemoryCheckoutLinkRepository } from './in-memory-checkout-link-repository';
import { InMemoryWalletMirrorRepository } from './in-memory-wallet-mirror-repository';
import { InMemoryXsollaInbox } from './in-memory-xsolla-inbox';
import { InMemoryXsollaPaymentRepository } from './in-memory-xsolla-payment-repository';

/**
 * The unit of work for use-case tests. Transactions run one after another (a promise chain as the lock), which
 * is what row locks give the SQL adapters for the rows a use case touches; a work that throws leaves the state
 * as it found it. Do not call `run` inside `run`: the inner call waits for the outer one forever.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private state: InMemoryState = emptyState();
  private queue: Promise<unknown> = Promise.resolve();

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const turn = this.queue.then(() => this.runAlone(work));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Reads wait their turn too, so that they never see a transaction that may still roll back. */
  read<T>(work: (reads: Reads) => Promise<T>): Promise<T> {
    return this.run((tx) =>
      work({
        ...tx,
        audit: new InMemoryAuditRepository(this.state),
        reconciliation: new InMemoryReconciliationReads(this.state),
      }),
    );
  }

  /** A copy of everything stored, for assertions. */
  snapshot(): InMemoryState {
    return structuredClone(this.state);
  }

  private async runAlone<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const before = structuredClone(this.state);
    const afterCommit = new AfterCommit();
    try {
      const result = await work({
        ledger: new InMemoryLedger(this.state),
        users: new InMemoryUserRepository(this.state),
        receipts: new InMemoryReceiptRepository(this.state),
        idempotency: new InMemoryIdempotencyRepository(this.state),
        clients: new InMemoryClientRepository(this.state),
        items: new InMemoryItemRepository(this.state),
        userItems: new InMemoryUserItemRepository(this.state),
        attendances: new InMemoryAttendanceRepository(this.state),
        xsollaInbox: new InMemoryXsollaInbox(this.state),
        xsollaPayments: new InMemoryXsollaPaymentRepository(this.state),
        checkoutLinks: new InMemoryCheckoutLinkRepository(this.state),
        walletMirror: new InMemoryWalletMirrorRepository(this.state),
        reconciliationRuns: new InMemoryReconciliationRunRepository(this.state),
        afterCommit: afterCommit.add,
        commitWith: (write) => write,
      });
      // An effect that throws is a bug of the test's own making: let it fail the test.
      afterCommit.runAll((error) => {
        throw error;
      });
      return result;
    } catch (error) {
      this.state = before;
      throw error;
    }
  }
}
