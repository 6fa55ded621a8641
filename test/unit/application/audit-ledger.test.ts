import { AuditLedger } from '../../../src/application/audit-ledger';
import { ChangePoints } from '../../../src/application/change-points';
import { RegisterUser } from '../../../src/application/register-user';
import { FixedClock } from '../../support/fixed-clock';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';
import { RecordedEvents } from '../../support/recorded-events';
import { openStore } from './store-fixture';

describe('AuditLedger', () => {
  it('walks every user, receipt and user item across batch boundaries and finds nothing in a sound ledger', async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new FixedClock();
    const grant = new ChangePoints(uow, clock, new RecordedEvents());
    for (let n = 0; n < 7; n += 1) {
      const user = await new RegisterUser(uow, clock).execute({
        discordId: `36800361714688000${n}`,
        name: `u${n}`,
        email: null,
      });
      if (!user.ok) throw new Error('registration failed');
      // Users with 0, 1, 2, ... receipts, so that batches of 2 end inside a user's receipts and between users.
      for (let k = 0; k < n; k += 1) await grant.execute({ userId: user.value.id, points: 10 + k, source: 'cli' });
    }
    const progress: number[] = [];

    const events = new RecordedEvents();
    const report = await new AuditLedger(uow, events, 2).execute((checked) => progress.push(checked.users));

    expect(report).toEqual({ ok: true, checked: { users: 7, receipts: 21, userItems: 0 }, found: 0, violations: [] });
    expect(progress).toEqual([2, 4, 6, 7]);
    expect(events.ofType('LedgerAuditFailed')).toEqual([]);
  });

  it('announces a failed audit with the invariants broken and the users involved', async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new FixedClock();
    const user = await new RegisterUser(uow, clock).execute({
      discordId: '368003617146880099',
      name: 'u',
      email: null,
    });
    if (!user.ok) throw new Error('registration failed');
    await uow.run((tx) =>
      tx.ledger.post({
        userId: user.value.id,
        kind: 'grant',
        delta: 5,
        balanceBefore: 0,
        balanceAfter: 10,
        reason: 'a bug',
        source: 'cli',
        externalRef: null,
        debt: false,
        createdAt: clock.now(),
      }),
    );
    const events = new RecordedEvents();

    const report = await new AuditLedger(uow, events).execute();

    expect(report.ok).toBe(false);
    expect(events.ofType('LedgerAuditFailed')).toEqual([
      {
        type: 'LedgerAuditFailed',
        found: 2,
        counts: { receipt_adds_up: 1, balance_is_sum_of_receipts: 1 },
        userIds: [user.value.id],
      },
    ]);
  });

  it('checks user items too', async () => {
    const store = await openStore();
    await store.grant(100);
    await store.buy();
    await store.buy();
    const report = await new AuditLedger(store.uow, new RecordedEvents(), 1).execute();
    expect(report.ok).toBe(true);
    expect(report.checked).toEqual({ users: 1, receipts: 3, userItems: 2 });
  });
});
