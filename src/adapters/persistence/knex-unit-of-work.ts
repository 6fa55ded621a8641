import { Knex } from 'knex';
import { Transaction, UnitOfWork } from '../../application/ports/unit-of-work';
import { isTransientConflict } from './database-errors';
import { KnexAttendanceRepository } from './knex-attendance-repository';
import { KnexClientRepository } from './knex-client-repository';
import { KnexIdempotencyRepository } from './knex-idempotency-repository';
import { KnexItemRepository } from './knex-item-repository';
import { KnexReceiptRepository } from './knex-receipt-repository';
import { KnexUserItemRepository } from './knex-user-item-repository';
import { KnexUserRepository } from './knex-user-repository';

export interface RetryPolicy {
  /** Runs of the work in all, the first included. */
  attempts: number;
  /** The wait before the second run; it doubles after each further conflict, randomised by half either way. */
  firstBackoffMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, firstBackoffMs: 20 };

/**
 * One knex transaction per `run`, with repositories bound to it. A deadlock (MySQL) or a database still locked
 * after the busy timeout (SQLite) rolls everything back, so the whole work runs again after a short random
 * wait, which keeps two colliding transactions from colliding again in step.
 * Never call `run` inside `run`: on SQLite the inner transaction waits for the one connection the outer holds.
 */
export class KnexUnitOfWork implements UnitOfWork {
  constructor(
    private readonly knex: Knex,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.knex.transaction((trx) => work(repositoriesOf(trx)));
      } catch (error) {
        if (!isTransientConflict(error) || attempt >= this.retry.attempts) throw error;
        await sleep(this.retry.firstBackoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }
}

const repositoriesOf = (trx: Knex.Transaction): Transaction => ({
  users: new KnexUserRepository(trx),
  receipts: new KnexReceiptRepository(trx),
  idempotency: new KnexIdempotencyRepository(trx),
  clients: new KnexClientRepository(trx),
  items: new KnexItemRepository(trx),
  userItems: new KnexUserItemRepository(trx),
  attendances: new KnexAttendanceRepository(trx),
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
