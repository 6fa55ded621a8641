import { OpsNotice } from '../../../../src/application/ports/ops-notifier';
import { opsNotices } from '../../../../src/adapters/observability/ops-notices';

describe('what the ops channel is told', () => {
  const told = (): { notices: OpsNotice[]; sink: ReturnType<typeof opsNotices> } => {
    const notices: OpsNotice[] = [];
    return { notices, sink: opsNotices({ notify: (notice) => notices.push(notice) }) };
  };
  const webhook = (notificationType: string, outcome: 'applied' | 'duplicate' | 'deferred' | 'refused', points = 0) =>
    ({ type: 'XsollaNotificationHandled', notificationType, outcome, transactionId: '77', userId: 5, points }) as const;

  it('payments and reversals that moved points, refused webhooks; not duplicates or other kinds', () => {
    const { notices, sink } = told();
    sink.publish(webhook('payment', 'applied', 100));
    sink.publish(webhook('payment', 'duplicate'));
    sink.publish(webhook('partial_refund', 'deferred'));
    sink.publish(webhook('refund', 'applied', -100));
    sink.publish(webhook('unverified', 'refused'));
    sink.publish(webhook('user_balance_operation', 'applied', 3));
    sink.publish({ type: 'IdempotentReplay', scope: 'points' });
    expect(notices.map((notice) => [notice.title, notice.severity])).toEqual([
      ['Xsolla payment', 'info'],
      ['Xsolla refund (before its payment: applied when the payment comes)', 'warning'],
      ['Xsolla refund', 'warning'],
      ['Xsolla webhook refused', 'warning'],
    ]);
    expect(notices[0]?.fields).toContainEqual({ name: 'points', value: '+100' });
  });

  it('a failed audit, with the broken invariants and the users', () => {
    const { notices, sink } = told();
    sink.publish({
      type: 'LedgerAuditFailed',
      found: 3,
      counts: { balance_matches_receipts: 2, chain: 1 },
      userIds: [4, 9],
    });
    expect(notices).toEqual([
      {
        title: 'The ledger audit found 3 broken invariants',
        severity: 'error',
        description: 'Users involved: 4, 9',
        fields: [
          { name: 'balance_matches_receipts', value: '2' },
          { name: 'chain', value: '1' },
        ],
      },
    ]);
  });
});
