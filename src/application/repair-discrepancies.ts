import { Discrepancy, ReportedTransaction } from '../domain/reconciliation';
import { XsollaNotification } from '../domain/xsolla-notification';
import { HandleXsollaNotification } from './handle-xsolla-notification';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

/** What became of one repair: done, done already (a duplicate changes nothing), or refused (with why). */
export interface RepairOutcome {
  discrepancy: Discrepancy;
  outcome: 'applied' | 'duplicate' | 'refused';
  detail: string;
}

/**
 * `reconcile --apply`: repairs what a run found through the webhooks' own use case, as if Xsolla's notification
 * had arrived (a missed payment is credited with the points Xsolla reports, a missed refund reversed), stored in
 * the inbox and idempotent under the same keys, and naming the run in its receipts; a drifted wallet is queued
 * for the balance mirror again. Anything else is left to a human.
 */
export class RepairDiscrepancies {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notifications: HandleXsollaNotification,
  ) {}

  /**
   * A repair that moves a ledger queues its balance change like any posting; the mirror reads Xsolla's copy
   * before it recharges, so a copy that already holds the missed payment (or no longer holds what the missed
   * refund took back) is brought to the balance by the true difference.
   */
  async execute(runId: number, discrepancies: Discrepancy[]): Promise<RepairOutcome[]> {
    const outcomes: RepairOutcome[] = [];
    for (const discrepancy of discrepancies) {
      if (discrepancy.repair === null || discrepancy.repair === 'resync') continue;
      outcomes.push({ discrepancy, ...(await this.replay(runId, discrepancy)) });
    }
    for (const discrepancy of discrepancies) {
      if (discrepancy.repair !== 'resync') continue;
      const userId = Number(discrepancy.userId);
      await this.uow.run((tx) => tx.walletMirror.requeue(userId, this.clock.now()));
      outcomes.push({
        discrepancy,
        outcome: 'applied',
        detail: `wallet of user ${userId} queued for the balance mirror`,
      });
    }
    return outcomes;
  }

  /** A missed payment or refund, replayed as its notification. */
  private async replay(runId: number, discrepancy: Discrepancy): Promise<Omit<RepairOutcome, 'discrepancy'>> {
    const { repair, reported } = discrepancy;
    if (reported === null) throw new Error(`A ${repair} repair needs the transaction Xsolla reported`);
    const notification = repair === 'credit' ? payment(reported) : refund(reported);
    const handled = await this.notifications.execute({
      notification,
      body: Buffer.from(
        JSON.stringify({ notification_type: notification.type, reconciliation_run: runId, transaction: reported }),
      ),
      origin: { reconciliationRunId: runId },
    });
    if (!handled.ok) return { outcome: 'refused', detail: `refused: ${handled.failure.type}` };
    const { outcome, points } = handled.value;
    if (outcome === 'duplicate') return { outcome: 'duplicate', detail: 'done already' };
    return { outcome: 'applied', detail: `${notification.type} ${outcome}, ${points} points` };
  }
}

/** The `payment` notification Xsolla would have sent for the transaction it reports. */
const payment = (reported: ReportedTransaction): XsollaNotification => ({
  type: 'payment',
  userRef: reported.userRef,
  externalId: reported.transactionId,
  action: {
    kind: 'credit',
    transactionId: reported.transactionId,
    goods: { points: reported.points, items: reported.items },
    payment: reported.payment,
    dryRun: reported.dryRun,
  },
});

/** The `refund` notification of a transaction Xsolla reports as canceled: it takes back what its payment credited. */
const refund = (reported: ReportedTransaction): XsollaNotification => ({
  type: 'refund',
  userRef: reported.userRef,
  externalId: reported.transactionId,
  action: { kind: 'reverse', reversal: 'refund', transactionId: reported.transactionId, request: { whole: true } },
});
