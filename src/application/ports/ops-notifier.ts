/** Something the team that runs Forte should see in its ops channel (payments, refunds, failures, audits). */
export interface OpsNotice {
  title: string;
  severity: 'info' | 'warning' | 'error';
  description?: string;
  /** Short facts shown side by side: `{ name: 'user', value: '42' }`. */
  fields?: { name: string; value: string }[];
}

/**
 * Tells the ops channel. Reconciliation, the audit and the event listeners call it; it must never hold up or fail
 * its caller: a notice is queued and sent in the background, batched, and dropped if the channel stays away.
 */
export interface OpsNotifier {
  notify(notice: OpsNotice): void;
}
