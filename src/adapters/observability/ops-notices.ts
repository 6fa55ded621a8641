import {
  EventSink,
  ForteEvent,
  LedgerAuditFailed,
  ReconciliationFoundMismatches,
  XsollaNotificationHandled,
} from '../../application/ports/event-sink';
import { OpsNotice, OpsNotifier } from '../../application/ports/ops-notifier';

const PAYMENTS = new Set(['payment', 'order_paid']);
const REVERSALS = new Set(['refund', 'partial_refund', 'order_canceled', 'afs_reject']);

/**
 * What the team should see, told to the ops channel: Xsolla's payments and refunds as they commit, the webhooks
 * Forte refused, reconciliations that found mismatches and audits that found the ledger broken.
 */
export function opsNotices(notifier: OpsNotifier): EventSink {
  const byType: { [T in ForteEvent['type']]: (event: Extract<ForteEvent, { type: T }>) => OpsNotice | null } = {
    LedgerPosted: () => null,
    IdempotentReplay: () => null,
    XsollaNotificationHandled: xsollaNotice,
    ReconciliationFoundMismatches: reconciliationNotice,
    LedgerAuditFailed: auditNotice,
  };
  return {
    publish(event) {
      const notice = byType[event.type](event as never);
      if (notice) notifier.notify(notice);
    },
  };
}

const countsOf = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => ({ name, value: String(count) }));

function reconciliationNotice(event: ReconciliationFoundMismatches): OpsNotice {
  return {
    title: `Reconciliation #${event.runId} found ${event.mismatches} mismatches with Xsolla`,
    severity: event.needsHuman > 0 ? 'error' : 'warning',
    description: `${event.days.from} to ${event.days.to}, from ${event.source}: ${event.repaired} repaired, ${event.needsHuman} need a human.`,
    fields: countsOf(event.counts),
  };
}

function auditNotice(event: LedgerAuditFailed): OpsNotice {
  return {
    title: `The ledger audit found ${event.found} broken invariants`,
    severity: 'error',
    description: event.userIds.length > 0 ? `Users involved: ${event.userIds.join(', ')}` : undefined,
    fields: countsOf(event.counts),
  };
}

function xsollaNotice(event: XsollaNotificationHandled): OpsNotice | null {
  const fields = [
    { name: 'type', value: event.notificationType },
    { name: 'user', value: event.userId === null ? '-' : String(event.userId) },
    { name: 'transaction', value: event.transactionId ?? '-' },
  ];
  const points = { name: 'points', value: event.points > 0 ? `+${event.points}` : String(event.points) };
  if (event.outcome === 'refused') {
    return { title: 'Xsolla webhook refused', severity: 'warning', fields };
  }
  if (event.outcome !== 'applied' && event.outcome !== 'deferred') return null;
  if (PAYMENTS.has(event.notificationType)) {
    return { title: 'Xsolla payment', severity: 'info', fields: [...fields, points] };
  }
  if (REVERSALS.has(event.notificationType)) {
    const deferred = event.outcome === 'deferred' ? ' (before its payment: applied when the payment comes)' : '';
    return { title: `Xsolla refund${deferred}`, severity: 'warning', fields: [...fields, points] };
  }
  return null;
}
