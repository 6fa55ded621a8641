import { Knex } from 'knex';
import { AfterCommit } from '../../application/ports/after-commit';
import { StaleBalanceError } from '../../application/ports/ledger';
import { Reads, Transaction, UnitOfWork } from '../../application/ports/unit-of-work';
import {
  CommitOutcomeUnknownError,
  StorageBusyError,
  StorageUnavailableError,
} from '../../application/ports/storage-failures';
import {
  isCommitFailure,
  isLockWaitTimeout,
  isPoolTimeout,
  isTransientConflict,
  isUnreachable,
} from './database-errors';
import { ConnectionBreaker } from './connection-breaker';
import { commitWithNextRoundTrip } from './connection-knex';
import { inConnectionTransaction } from './connection-transaction';
import { DirectMysqlClient } from './direct-mysql-client';
import { KnexAttendanceRepository } from './knex-attendance-repository';
import { KnexAuditRepository } from './knex-audit-repository';
import { KnexCheckoutLinkRepository } from './knex-checkout-link-repository';
import { KnexClientRepository } from './knex-client-repository';
import { KnexIdempotencyRepository } from './knex-idempotency-repository';
import { KnexItemRepository } from './knex-item-repository';
import { KnexLedger } from './knex-ledger';
import { KnexReceiptRepository } from './knex-receipt-repository';
import { KnexReconciliationReads } from './knex-reconciliation-reads';
import { KnexReconciliationRunRepository } from './knex-reconciliation-run-repository';
import { KnexUserItemRepository } from './knex-user-item-repository';
import { KnexUserRepository } from './knex-user-repository';
import { KnexWalletMirrorRepository } from './knex-wallet-mirror-repository';
import { KnexXsollaInbox } from './knex-xsolla-inbox';
import { KnexXsollaPaymentRepository } from './knex-xsolla-payment-repository';
import { StatementNotSentError } from './statement-pipeline';

export interface RetryPolicy {
  /** Runs of the work in all, the first included. */
  attempts: number;
  /** The wait before the second run; it doubles after each further conflict, randomised by half either way. */
  firstBackoffMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, firstBackoffMs: 20 };

export interface KnexUnitOfWorkOptions {
  retry?: RetryPolicy;
  /** Where reads run; the transactions' knex unless the database gives reads a connection of their own. */
  reads?: Knex;
  /** Receives an after-commit effect that threw: the commit stands, so the error is reported, not answered. */
  onEffectError?: (error: unknown) => void;
  /**
   * Runs one-statement work without a transaction around it (MariaDB; autocommit). SQLite keeps its immediate
   * transaction, which costs no round trip and waits for another process's write lock as other writes do.
   */
  autocommitOneStatement?: boolean;
  /** The database's breaker, which its readiness check also feeds; one of its own otherwise. */
  breaker?: ConnectionBreaker;
}

/**
 * One transaction per `run`, with repositories bound to it. A deadlock (MySQL) or a database still locked
 * after the busy timeout (SQLite) rolls everything back, so the whole work runs again after a short random
 * wait, which keeps two colliding transactions from colliding again in step. Conflicts that outlast the retries
 * (or a lock held past the lock wait) become StorageBusyError, an unreachable database StorageUnavailableError
 * (CommitOutcomeUnknownError when the connection was lost at COMMIT, or the COMMIT failed as a Galera node left the
 * primary component: either may have been applied).
 * Never call `run` inside `run`: on SQLite the inner transaction waits for the one connection the outer holds.
 */
export class KnexUnitOfWork implements UnitOfWork {
  private readonly retry: RetryPolicy;
  private readonly reads: Knex;
  private readonly onEffectError: (error: unknown) => void;
  private readonly breaker: ConnectionBreaker;
  private readonly autocommitOneStatement: boolean;

  constructor(
    private readonly knex: Knex,
    options: KnexUnitOfWorkOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.reads = options.reads ?? knex;
    this.breaker = options.breaker ?? new ConnectionBreaker(knex);
    this.autocommitOneStatement = options.autocommitOneStatement ?? false;
    this.onEffectError =
      options.onEffectError ??
      ((error) =>
        queueMicrotask(() => {
          throw error;
        }));
  }

  async run<T>(work: (tx: Transaction) => Promise<T>, options: { oneStatement?: boolean } = {}): Promise<T> {
    this.failFastWhileAway();
    const alone = options.oneStatement === true && this.autocommitOneStatement;
    for (let attempt = 1; ; attempt += 1) {
      const afterCommit = new AfterCommit();
      let committing = false;
      try {
        const result = alone
          ? await work({ ...repositoriesOf(this.knex), afterCommit: afterCommit.add, commitWith: (write) => write })
          : await transaction(
              this.knex,
              async (trx) => {
                const done = await work({
                  ...repositoriesOf(trx),
                  afterCommit: afterCommit.add,
                  commitWith: (write) => {
                    commitWithNextRoundTrip(trx);
                    return write;
                  },
                });
                committing = true;
                return done;
              },
              () => (committing = true),
            );
        this.breaker.succeeded();
        afterCommit.runAll(this.onEffectError);
        return result;
      } catch (thrown) {
        const error = failureOf(thrown);
        this.breaker.failed(error);
        // The COMMIT went out and failed, or its answer never came back: applied or not, nobody can tell; never run
        // it again.
        if (isCommitFailure(error) || (committing && isUnreachable(error))) {
          throw new CommitOutcomeUnknownError({ cause: error });
        }
        if (!isRetryable(error) || attempt >= this.retry.attempts) throw storageFailureOf(error, this.knex);
        await sleep(this.retry.firstBackoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }

  /**
   * Statements on the pool, each committed on its own: no BEGIN, no lock, no SQLite write lock. A snapshot is a
   * read-only transaction (a deferred one on SQLite, which takes no write lock either).
   */
  async read<T>(work: (reads: Reads) => Promise<T>, options: { snapshot?: boolean } = {}): Promise<T> {
    this.failFastWhileAway();
    try {
      const result = options.snapshot
        ? await this.reads.transaction((trx) => work(repositoriesOf(trx)), { readOnly: true })
        : await work(repositoriesOf(this.reads));
      this.breaker.succeeded();
      return result;
    } catch (error) {
      this.breaker.failed(error);
      throw storageFailureOf(error, this.reads);
    }
  }

  private failFastWhileAway(): void {
    const refusal = this.breaker.refusal();
    if (refusal !== null) throw new StorageUnavailableError({ cause: refusal });
  }
}

/**
 * On MySQL, BEGIN and COMMIT by hand on a pooled connection (connection-transaction.ts), `onCommit` run as the COMMIT
 * goes out; knex's otherwise.
 */
const transaction = <T>(knex: Knex, work: (trx: Knex) => Promise<T>, onCommit: () => void): Promise<T> =>
  knex.client instanceof DirectMysqlClient ? inConnectionTransaction(knex, work, onCommit) : knex.transaction(work);

/**
 * What failed the work: for a statement its round trip did not send (issued together with one that failed first, and
 * seen first by the work, as `Promise.all` may), the failure of that one, so a deadlock is run again as any other.
 */
const failureOf = (error: unknown): unknown => (error instanceof StatementNotSentError ? error.cause : error);

/** A conflict with another transaction, which running the whole work again may well get past. */
const isRetryable = (error: unknown): boolean => isTransientConflict(error) || error instanceof StaleBalanceError;

/**
 * The error as the port names it when the database, not the work, failed; any other error as it is. No connection
 * in time while every one of the pool's is at work is load (busy, retry shortly), not an outage.
 */
function storageFailureOf(error: unknown, knex: Knex): unknown {
  if (isPoolTimeout(error) && poolIsFull(knex)) return new StorageBusyError({ cause: error });
  if (isUnreachable(error)) return new StorageUnavailableError({ cause: error });
  if (isLockWaitTimeout(error) || isRetryable(error)) return new StorageBusyError({ cause: error });
  return error;
}

/** Every connection the pool may open is open and lent out (tarn's pool, which knex keeps on its client). */
function poolIsFull(knex: Knex): boolean {
  const pool = (knex.client as { pool?: { numUsed(): number; max: number } }).pool;
  return pool !== undefined && pool.numUsed() >= pool.max;
}

const repositoriesOf = (db: Knex): Omit<Transaction, 'afterCommit' | 'commitWith'> & Reads => ({
  audit: new KnexAuditRepository(db),
  ledger: new KnexLedger(db),
  users: new KnexUserRepository(db),
  receipts: new KnexReceiptRepository(db),
  idempotency: new KnexIdempotencyRepository(db),
  clients: new KnexClientRepository(db),
  items: new KnexItemRepository(db),
  userItems: new KnexUserItemRepository(db),
  attendances: new KnexAttendanceRepository(db),
  xsollaInbox: new KnexXsollaInbox(db),
  xsollaPayments: new KnexXsollaPaymentRepository(db),
  checkoutLinks: new KnexCheckoutLinkRepository(db),
  walletMirror: new KnexWalletMirrorRepository(db),
  reconciliation: new KnexReconciliationReads(db),
  reconciliationRuns: new KnexReconciliationRunRepository(db),
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
