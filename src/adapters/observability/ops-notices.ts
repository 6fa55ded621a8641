import { EventSink, XsollaNotificationHandled } from '../../application/ports/event-sink';
import { OpsNotice, OpsNotifier } from '../../application/ports/ops-notifier';

const PAYMENTS = new Set(['payment', 'order_paid']);
const REVERSALS = new Set(['refund', 'partial_refund', 'order_canceled', 'afs_reject']);

/** Xsolla's payments and refunds as they commit, and the webhooks Forte refused, told to the ops channel. */
export function opsNotices(notifier: OpsNotifier): EventSink {
  return {
    publish(event) {
      if (event.type !== 'XsollaNotificationHandled') return;
      const notice = xsollaNotice(event);
      if (notice) notifier.notify(notice);
    },
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
