import { Knex } from 'knex';
import { z } from 'zod';
import {
  FinishedRun,
  ReconciliationReads,
  StoredTransactionFacts,
  TimeRange,
  TransactionCursor,
  UserBalance,
} from '../../application/ports/reconciliation-repository';
import { flagColumn, integerColumn, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { rowParser } from './row-parser';

const toFacts: (row: unknown) => StoredTransactionFacts = rowParser(
  z
    .object({
      id: integerColumn,
      transactionId: z.string(),
      userId: integerColumn,
      paymentReceiptId: integerColumn.nullable(),
      creditedPoints: integerColumn,
      reversedPoints: integerColumn,
      paymentAmount: z.string().nullable(),
      paymentCurrency: z.string().nullable(),
      createdAt: timestampColumn,
    })
    .transform(({ paymentReceiptId, paymentAmount, paymentCurrency, ...facts }) => ({
      ...facts,
      paid: paymentReceiptId !== null,
      payment:
        paymentAmount === null || paymentCurrency === null
          ? null
          : { amount: paymentAmount, currency: paymentCurrency },
    })),
);

const toBalance: (row: unknown) => UserBalance = rowParser(
  z.object({ userId: integerColumn, points: integerColumn, pendingSync: flagColumn }),
);

const toRun: (row: unknown) => FinishedRun = rowParser(
  z.object({ id: integerColumn, mismatches: integerColumn, finishedAt: timestampColumn }),
);

/** Ids per `IN (...)`: well under the bound variables SQLite allows. */
const IN_BATCH = 500;

/** Keyset pages over `xsolla_transactions (created_at, id)` and the users' primary key. */
export class KnexReconciliationReads implements ReconciliationReads {
  constructor(private readonly db: Knex) {}

  async transactions(
    range: TimeRange,
    after: TransactionCursor | null,
    limit: number,
  ): Promise<StoredTransactionFacts[]> {
    const query = this.db('xsolla_transactions')
      .select(
        'id',
        'transaction_id',
        'user_id',
        'payment_receipt_id',
        'credited_points',
        'reversed_points',
        'payment_amount',
        'payment_currency',
        'created_at',
      )
      .where('created_at', '>=', range.from)
      .andWhere('created_at', '<', range.until);
    if (after) {
      query.andWhere((page) =>
        page
          .where('created_at', '>', after.createdAt)
          .orWhere((same) => same.where('created_at', after.createdAt).andWhere('id', '>', after.id)),
      );
    }
    const rows: unknown[] = await query.orderBy([{ column: 'created_at' }, { column: 'id' }]).limit(limit);
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
