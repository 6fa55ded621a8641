import {
  balanceDrift,
  compareTransaction,
  Discrepancy,
  DiscrepancyCategory,
  emptyTally,
  missingInXsolla,
  reconciliationWindow,
  ReconciliationTally,
  ReconciliationWindow,
  tally,
  walletEffectOf,
} from '../domain/reconciliation';
import { ForteTransactionIndex } from './forte-transaction-index';
import { Clock } from './ports/clock';
import { EventSink } from './ports/event-sink';
import { UserBalance } from './ports/reconciliation-repository';
import {
  ReconciliationInputError,
  ReportedTransactionSource,
  SourceProgress,
} from './ports/reported-transaction-source';
import { UnitOfWork } from './ports/unit-of-work';
import { XsollaBalances } from './ports/xsolla-merchant';
import { RepairDiscrepancies, RepairOutcome } from './repair-discrepancies';

/** Whose wallets to compare with Xsolla's: none, the users of the window's transactions, or every user. */
export type BalanceScope = 'none' | 'involved' | 'all';

export interface ReconcileInput {
  from: string;
  to: string;
  /** Xsolla's transactions: its API, or an export file. */
  source: ReportedTransactionSource;
  balances: BalanceScope;
  apply: boolean;
  progress?: SourceProgress;
}

/** What a run found (every discrepancy, by category) and, with `apply`, what it repaired and what needs a human. */
export interface ReconciliationReport {
  runId: number;
  days: { from: string; to: string };
  source: string;
  applied: boolean;
  checked: {
    xsollaTransactions: number;
    forteTransactions: number;
    balances: number;
    /** Rows of the source outside the window, left out. */
    outsideWindow: number;
    /** Wallets with a change still waiting to be mirrored: not compared. */
    pendingSync: number;
  };
  categories: ReconciliationTally;
  discrepancies: Discrepancy[];
  repairs: RepairOutcome[];
  /** What no use case can repair, and repairs that were refused. */
  needsHuman: Discrepancy[];
  mismatches: number;
}

/** Forte's transactions are read this many at a time (fewer round trips), balances this many. */
const TRANSACTION_BATCH = 50_000;
const BATCH = 10_000;

/**
 * `forte-cli reconcile`: Xsolla's transactions of a window against Forte's (read with a margin for late webhooks),
 * matched by transaction id, and wallets against balances. Everything is read and compared before anything is
 * repaired, so a source that fails halfway applies nothing. Each run is recorded; its repairs go through the
 * webhooks' own use cases and name it in their receipts.
 */
export class ReconcileXsolla {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventSink,
    private readonly wallets: XsollaBalances,
    private readonly repairs: RepairDiscrepancies,
  ) {}

  async execute(input: ReconcileInput): Promise<ReconciliationReport> {
    const window = reconciliationWindow(input.from, input.to);
    if (typeof window === 'string') throw new ReconciliationInputError('INVALID_WINDOW', window);
    const runId = await this.uow.run((tx) =>
      tx.reconciliationRuns.start({
        windowFrom: input.from,
        windowTo: input.to,
        source: input.source.name,
        apply: input.apply,
        startedAt: this.clock.now(),
      }),
    );
    try {
      const report = await this.reconcile(runId, window, input);
      await this.finish(report);
      return report;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.uow.run((tx) => tx.reconciliationRuns.fail(runId, message, this.clock.now())).catch(() => undefined);
      throw error;
    }
  }

  private async reconcile(
    runId: number,
    window: ReconciliationWindow,
    input: ReconcileInput,
  ): Promise<ReconciliationReport> {
    const forte = await this.forteTransactions(window);
    const found: Discrepancy[] = [];
    const involved = new Set<number>();
    const missing = new Set<string>();
    const checked = {
      xsollaTransactions: 0,
      forteTransactions: forte.size,
      balances: 0,
      outsideWindow: 0,
      pendingSync: 0,
    };
    const involve = (userRef: string | number): void => {
      if (input.balances !== 'involved') return;
      const id = Number(userRef);
      if (Number.isSafeInteger(id) && id > 0) involved.add(id);
    };

    for await (const batch of input.source.batches(window.days, input.progress ?? (() => undefined))) {
      for (const reported of batch) {
        if (reported.date < window.days.from || reported.date > window.days.to) {
          checked.outsideWindow += 1;
          continue;
        }
        checked.xsollaTransactions += 1;
        const facts = forte.tick(reported.transactionId);
        if (facts === 'seen' || (facts === null && missing.has(reported.transactionId))) continue;
        const differences = compareTransaction(reported, facts);
        if (facts === null && differences.length > 0) missing.add(reported.transactionId);
        found.push(...differences);
        involve(reported.userRef);
      }
    }
    for (const facts of forte.unreported()) {
      const discrepancy = missingInXsolla(facts);
      if (discrepancy) found.push(discrepancy);
      involve(facts.userId);
    }
    if (input.balances !== 'none') {
      const scope = input.balances === 'all' ? null : [...involved];
      found.push(...(await this.balanceDrifts(scope, found, checked)));
    }

    const categories = emptyTally();
    for (const discrepancy of found) tally(categories, discrepancy);
    const repairs = input.apply ? await this.repairs.execute(runId, found) : [];
    const refused = new Set(
      repairs.filter((repair) => repair.outcome === 'refused').map((repair) => repair.discrepancy),
    );
    return {
      runId,
      days: window.days,
      source: input.source.name,
      applied: input.apply,
      checked,
      categories,
      discrepancies: found,
      repairs,
      needsHuman: found.filter((discrepancy) => discrepancy.repair === null || refused.has(discrepancy)),
      mismatches: found.length,
    };
  }

  /** Forte's transactions of the window and its margin, indexed by Xsolla's id. */
  private async forteTransactions(window: ReconciliationWindow): Promise<ForteTransactionIndex> {
    const index = new ForteTransactionIndex();
    await this.uow.read(async (reads) => {
      for (let afterId = 0; ;) {
        const batch = await reads.reconciliation.transactions(
          window.withMargin,
          window.window,
          afterId,
          TRANSACTION_BATCH,
        );
        for (const facts of batch) index.add(facts, facts.inWindow);
        const last = batch.at(-1);
        if (!last || batch.length < TRANSACTION_BATCH) break;
        afterId = last.id;
      }
    });
    return index;
  }

  /**
   * Xsolla's wallet of each user (`null`: every user) against Forte's balance, less what the transaction
   * discrepancies already explain. A wallet with changes still queued for the mirror is on its way, not drifting.
   */
  private async balanceDrifts(
    userIds: number[] | null,
    found: Discrepancy[],
    checked: ReconciliationReport['checked'],
  ): Promise<Discrepancy[]> {
    const explained = new Map<string, number>();
    for (const discrepancy of found) {
      explained.set(discrepancy.userId, (explained.get(discrepancy.userId) ?? 0) + walletEffectOf(discrepancy));
    }
    const drifts: Discrepancy[] = [];
    const compare = async (balances: UserBalance[]): Promise<void> => {
      for (const balance of balances) {
        if (balance.pendingSync) {
          checked.pendingSync += 1;
          continue;
        }
        const wallet = await this.wallets.balanceOf(String(balance.userId));
        if (!wallet.ok) {
          const { failure } = wallet;
          const reason = failure.type === 'XsollaNotConfigured' ? 'Xsolla is not configured' : failure.reason;
          throw new ReconciliationInputError(
            failure.type === 'XsollaRejected' ? 'XSOLLA_REJECTED' : 'XSOLLA_UNAVAILABLE',
            `reading the Xsolla wallet of user ${balance.userId}: ${reason}`,
          );
        }
        checked.balances += 1;
        const { userId, points } = balance;
        const drift = balanceDrift(userId, points, wallet.value.balance, explained.get(String(userId)) ?? 0);
        if (drift) drifts.push(drift);
      }
    };
    if (userIds) {
      const sorted = userIds.sort((a, b) => a - b);
      for (let start = 0; start < sorted.length; start += BATCH) {
        const slice = sorted.slice(start, start + BATCH);
        await compare(await this.uow.read((reads) => reads.reconciliation.balances(slice)));
      }
      return drifts;
    }
    for (let afterId = 0; ;) {
      const batch = await this.uow.read((reads) => reads.reconciliation.balancesAfter(afterId, BATCH));
      await compare(batch);
      const last = batch.at(-1);
      if (!last || batch.length < BATCH) return drifts;
      afterId = last.userId;
    }
  }

  private async finish(report: ReconciliationReport): Promise<void> {
    const counts = Object.fromEntries(
      Object.entries(report.categories).map(([category, entry]) => [category, entry.count]),
    ) as Record<DiscrepancyCategory, number>;
    const repaired = report.repairs.filter((repair) => repair.outcome === 'applied').length;
    await this.uow.run(async (tx) => {
      await tx.reconciliationRuns.finish(report.runId, {
        mismatches: report.mismatches,
        repaired,
        needsHuman: report.needsHuman.length,
        summary: report.categories,
        finishedAt: this.clock.now(),
      });
      if (report.mismatches === 0) return;
      tx.afterCommit(() =>
        this.events.publish({
          type: 'ReconciliationFoundMismatches',
          runId: report.runId,
          days: report.days,
          source: report.source,
          counts,
          mismatches: report.mismatches,
          repaired,
          needsHuman: report.needsHuman.length,
        }),
      );
    });
  }
}
