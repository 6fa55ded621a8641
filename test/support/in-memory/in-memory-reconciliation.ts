import {
  FinishedRun,
  NewReconciliationRun,
  ReconciliationReads,
  ReconciliationRunOutcome,
  ReconciliationRunRepository,
  StoredTransactionFacts,
  TimeRange,
  TransactionCursor,
  UserBalance,
} from '../../../src/application/ports/reconciliation-repository';
import { InMemoryState } from './in-memory-state';

export class InMemoryReconciliationReads implements ReconciliationReads {
  constructor(private readonly state: InMemoryState) {}

  transactions(range: TimeRange, after: TransactionCursor | null, limit: number): Promise<StoredTransactionFacts[]> {
    const facts = [...this.state.xsollaTransactions.values()]
      .map((transaction, index) => {
        const stored = this.state.xsollaTransactionTimes.get(transaction.transactionId) ?? new Date(0);
        return {
          id: index + 1,
          transactionId: transaction.transactionId,
          userId: transaction.userId,
          paid: transaction.paymentReceiptId !== null,
          creditedPoints: transaction.creditedPoints,
          reversedPoints: transaction.reversedPoints,
          payment: transaction.payment,
          createdAt: stored,
        };
      })
      .filter((fact) => fact.createdAt >= range.from && fact.createdAt < range.until)
      .filter(
        (fact) =>
          after === null ||
          fact.createdAt > after.createdAt ||
          (fact.createdAt.getTime() === after.createdAt.getTime() && fact.id > after.id),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    return Promise.resolve(facts.slice(0, limit));
  }

  balances(userIds: number[]): Promise<UserBalance[]> {
    return Promise.resolve(userIds.flatMap((id) => this.balanceOf(id)));
  }

  balancesAfter(afterId: number, limit: number): Promise<UserBalance[]> {
    const ids = [...this.state.users.keys()].filter((id) => id > afterId).sort((a, b) => a - b);
    return Promise.resolve(ids.slice(0, limit).flatMap((id) => this.balanceOf(id)));
  }

  lastFinishedRun(): Promise<FinishedRun | null> {
    const run = this.state.reconciliationRuns.filter((candidate) => candidate.finishedAt && !candidate.error).at(-1);
    return Promise.resolve(
      run?.finishedAt ? { id: run.id, mismatches: run.outcome?.mismatches ?? 0, finishedAt: run.finishedAt } : null,
    );
  }

  private balanceOf(userId: number): UserBalance[] {
    const user = this.state.users.get(userId);
    if (!user) return [];
    return [{ userId, points: user.points, pendingSync: this.state.outbox.some((change) => change.userId === userId) }];
  }
}

export class InMemoryReconciliationRunRepository implements ReconciliationRunRepository {
  constructor(private readonly state: InMemoryState) {}

  start(run: NewReconciliationRun): Promise<number> {
    const id = this.state.reconciliationRuns.length + 1;
    this.state.reconciliationRuns.push({ ...run, id, outcome: null, error: null, finishedAt: null });
    return Promise.resolve(id);
  }

  finish(id: number, outcome: ReconciliationRunOutcome): Promise<void> {
    const run = this.state.reconciliationRuns[id - 1];
    if (run) Object.assign(run, { outcome, finishedAt: outcome.finishedAt });
    return Promise.resolve();
  }

  fail(id: number, error: string, at: Date): Promise<void> {
    const run = this.state.reconciliationRuns[id - 1];
    if (run) Object.assign(run, { error, finishedAt: at });
    return Promise.resolve();
  }
}
