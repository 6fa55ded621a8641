import { Counter, Registry } from 'prom-client';
import { EventSink, ForteEvent } from '../../application/ports/event-sink';

/**
 * Prometheus counters of what Forte did, fed by events that are only published once their transaction committed:
 * a rolled-back or retried attempt counts nothing.
 */
export function businessMetrics(registry: Registry): EventSink {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const postings = counter('forte_ledger_postings_total', 'Receipts written, by kind', ['kind']);
  const granted = counter('forte_points_granted_total', 'Points added to balances, by receipt kind', ['kind']);
  const deducted = counter('forte_points_deducted_total', 'Points taken from balances, by receipt kind', ['kind']);
  const purchases = counter('forte_purchases_total', 'Store items bought with points');
  const withdrawals = counter('forte_withdrawals_total', 'Purchases taken back (청약철회)');
  const replays = counter('forte_idempotent_replays_total', 'Money-moving requests answered from their stored result');
  const webhooks = counter('forte_xsolla_webhooks_total', 'Xsolla webhooks, by notification type and outcome', [
    'notification_type',
    'outcome',
  ]);

  const byType: { [T in ForteEvent['type']]: (event: Extract<ForteEvent, { type: T }>) => void } = {
    LedgerPosted: ({ receipt }) => {
      postings.inc({ kind: receipt.kind });
      if (receipt.delta > 0) granted.inc({ kind: receipt.kind }, receipt.delta);
      if (receipt.delta < 0) deducted.inc({ kind: receipt.kind }, -receipt.delta);
      if (receipt.kind === 'purchase') purchases.inc();
      if (receipt.kind === 'withdrawal') withdrawals.inc();
    },
    IdempotentReplay: () => replays.inc(),
    XsollaNotificationHandled: ({ notificationType, outcome }) =>
      webhooks.inc({ notification_type: notificationType, outcome }),
    // Announced by forte-cli, whose process ends at once: /metrics reads the last run from the database instead.
    ReconciliationFoundMismatches: () => undefined,
    LedgerAuditFailed: () => undefined,
  };
  return { publish: (event) => byType[event.type](event as never) };
}
