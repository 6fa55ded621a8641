import { Knex } from 'knex';
import { z } from 'zod';
import {
  FinishedRun,
  ReconciliationReads,
  StoredTransactionFacts,
  TimeRange,
  UserBalance,
} from '../../application/ports/reconciliation-repository';
import { flagColumn, integerColumn, integerValue, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { rowParser } from './row-parser';

/** An `xsolla_transactions` row, checked field by field: a reconciliation reads a million of them. */
function toFacts(row: Record<string, unknown>): StoredTransactionFacts {
  const amount = row.payment_amount;
  const currency = row.payment_currency;
  if (typeof row.transaction_id !== 'string')
    throw new Error(`transaction_id is not a string: ${String(row.transaction_id)}`);
  return {
    id: integerValue(row.id, 'id'),
    transactionId: row.transaction_id,
    userId: integerValue(row.user_id, 'user_id'),
    paid: row.payment_receipt_id !== null,
    creditedPoints: integerValue(row.credited_points, 'credited_points'),
    reversedPoints: integerValue(row.reversed_points, 'reversed_points'),
    payment: typeof amount === 'string' && typeof currency === 'string' ? { amount, currency } : null,
    inWindow: row.in_window === 1 || row.in_window === '1' || row.in_window === true,
  };
}

const toBalance: (row: unknown) => UserBalance = rowParser(
  z.object({ userId: integerColumn, points: integerColumn, pendingSync: flagColumn }),
);

const toRun: (row: unknown) => FinishedRun = rowParser(
  z.object({ id: integerColumn, mismatches: integerColumn, finishedAt: timestampColumn }),
);

/** Ids per `IN (...)`: well under the bound variables SQLite allows. */
const IN_BATCH = 500;

/** Keyset pages over the primary keys of `xsolla_transactions` and `users`. */
export class KnexReconciliationReads implements ReconciliationReads {
  constructor(private readonly db: Knex) {}

  async transactions(
    range: TimeRange,
    window: TimeRange,
    afterId: number,
    limit: number,
  ): Promise<StoredTransactionFacts[]> {
    const rows: Record<string, unknown>[] = await this.db('xsolla_transactions')
      .select(
        'id',
        'transaction_id',
        'user_id',
        'payment_receipt_id',
        'credited_points',
        'reversed_points',
        'payment_amount',
        'payment_currency',
        // Told by the database: no time parsed per row.
        this.db.raw('(created_at >= ? AND created_at < ?) AS in_window', [window.from, window.until]),
      )
      .where('id', '>', afterId)
      .andWhere('created_at', '>=', range.from)
      .andWhere('created_at', '<', range.until)
      .orderBy('id')
      .limit(limit);
    return rows.map(toFacts);
  }

  async balances(userIds: number[]): Promise<UserBalance[]> {
    const found: UserBalance[] = [];
    for (let start = 0; start < userIds.length; start += IN_BATCH) {
      const rows: unknown[] = await this.balanceQuery().whereIn('u.id', userIds.slice(start, start + IN_BATCH));
      found.push(...rows.map(toBalance));
    }
    return found;
  }

  async balancesAfter(afterId: number, limit: number): Promise<UserBalance[]> {
    const rows: unknown[] = await this.balanceQuery().where('u.id', '>', afterId).orderBy('u.id').limit(limit);
    return rows.map(toBalance);
  }

  async lastFinishedRun(): Promise<FinishedRun | null> {
    return firstOrNull(
      this.db('reconciliation_runs')
        .where({ status: 'finished' })
        .orderBy('id', 'desc')
        .select('id', 'mismatches', 'finished_at'),
      toRun,
    );
  }

  private balanceQuery(): Knex.QueryBuilder {
    return this.db('users as u').select(
      { user_id: 'u.id', points: 'u.points' },
      this.db.raw('EXISTS (SELECT 1 FROM xsolla_outbox o WHERE o.user_id = u.id) AS pending_sync'),
    );
  }
}
