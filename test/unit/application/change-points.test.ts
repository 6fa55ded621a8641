import { RecordedEvents } from '../../support/recorded-events';
import { ChangePoints, ChangePointsInput } from '../../../src/application/change-points';
import { IDEMPOTENCY_TTL_MS } from '../../../src/application/idempotently';
import { ListReceipts } from '../../../src/application/list-receipts';
import { RegisterUser } from '../../../src/application/register-user';
import { FixedClock } from '../../support/fixed-clock';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';

describe('ChangePoints', () => {
  let uow: InMemoryUnitOfWork;
  let clock: FixedClock;
  let events: RecordedEvents;
  let userId: number;

  beforeEach(async () => {
    uow = new InMemoryUnitOfWork();
    events = new RecordedEvents();
    clock = new FixedClock();
    const user = await new RegisterUser(uow, clock).execute({
      discordId: '368003617146880001',
      name: 'lara',
      email: null,
    });
    if (!user.ok) throw new Error('registration failed');
    userId = user.value.id;
  });

  const change = (points: number, extra: Partial<ChangePointsInput> = {}) =>
    new ChangePoints(uow, clock, events).execute({ userId, points, source: 'client:lara-bot', ...extra });
  const balance = () => uow.snapshot().users.get(userId)?.points;
  const ledgerSum = () => uow.snapshot().receipts.reduce((sum, receipt) => sum + receipt.delta, 0);

  it('grants and deducts with one receipt each, defaulting the reason', async () => {
    await change(100);
    const deducted = await change(-30, { reason: 'shop' });
    expect(deducted.ok && deducted.value.points).toBe(70);
    const receipts = uow.snapshot().receipts;
    expect(receipts.map((r) => [r.delta, r.balanceBefore, r.balanceAfter, r.reason])).toEqual([
      [100, 0, 100, 'bot grant'],
      [-30, 100, 70, 'shop'],
    ]);
  });

  it('refuses a deduction below zero and writes nothing', async () => {
    await change(10);
    const before = uow.snapshot();
    expect(await change(-11)).toEqual({
      ok: false,
      failure: { type: 'InsufficientPoints', balance: 10, required: 11 },
    });
    expect(uow.snapshot()).toEqual(before);
  });

  it('answers UserNotFound for an unknown user', async () => {
    expect(await change(5, { userId: userId + 1 })).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
  });

  it('keeps the balance equal to the sum of receipts under concurrent changes', async () => {
    await change(500);
    await Promise.all(Array.from({ length: 50 }, (_, i) => change(i % 2 === 0 ? 7 : -13)));
    expect(balance()).toBe(ledgerSum());
    expect(balance()).toBe(500 + 25 * 7 - 25 * 13);
  });

  describe('with an idempotency key', () => {
    const request = (fingerprint: string) => ({ scope: 'client:1 POST /users/:id/points', key: 'k-1', fingerprint });

    it('changes the balance once and replays the first result', async () => {
      const first = await change(40, { idempotency: request('a') });
      const again = await change(40, { idempotency: request('a') });
      expect(again).toEqual(first);
      expect(balance()).toBe(40);
      expect(uow.snapshot().receipts).toHaveLength(1);
    });

    it('replays a business failure too', async () => {
      const first = await change(-5, { idempotency: request('a') });
      await change(100);
      expect(await change(-5, { idempotency: request('a') })).toEqual(first);
      expect(balance()).toBe(100);
    });

    it('refuses the same key for another request', async () => {
      await change(40, { idempotency: request('a') });
      expect(await change(41, { idempotency: request('b') })).toEqual({
        ok: false,
        failure: { type: 'IdempotencyKeyReused' },
      });
      expect(balance()).toBe(40);
    });

    it('runs concurrent retries once', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => change(3, { idempotency: request('a') })));
      expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
      expect(balance()).toBe(3);
    });

    it('announces the posting once it committed, a replay as a replay, and nothing for a refusal', async () => {
      await change(40, { idempotency: request('a') });
      await change(40, { idempotency: request('a') });
      await change(-1000);
      expect(events.ofType('LedgerPosted').map(({ receipt }) => receipt.delta)).toEqual([40]);
      expect(events.ofType('IdempotentReplay')).toHaveLength(1);
    });

    it('lets a key be used afresh after 24 hours', async () => {
      await change(40, { idempotency: request('a') });
      clock.advance(IDEMPOTENCY_TTL_MS);
      const later = await change(2, { idempotency: request('b') });
      expect(later.ok && later.value.points).toBe(42);
    });
  });
});

describe('ListReceipts', () => {
  it('pages newest first with an opaque cursor, and refuses a forged one', async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new FixedClock();
    const user = await new RegisterUser(uow, clock).execute({
      discordId: '368003617146880002',
      name: 'mia',
      email: null,
    });
    if (!user.ok) throw new Error('registration failed');
    const userId = user.value.id;
    for (let i = 1; i <= 5; i += 1)
      await new ChangePoints(uow, clock, new RecordedEvents()).execute({ userId, points: i, source: 'cli' });
    const list = new ListReceipts(uow);
    const first = await list.execute({ userId, limit: 2 });
    if (!first.ok) throw new Error('list failed');
    expect(first.value.data.map((r) => r.delta)).toEqual([5, 4]);
    const second = await list.execute({ userId, limit: 2, cursor: first.value.nextCursor ?? undefined });
    if (!second.ok) throw new Error('list failed');
    expect(second.value.data.map((r) => r.delta)).toEqual([3, 2]);
    const last = await list.execute({ userId, limit: 2, cursor: second.value.nextCursor ?? undefined });
    expect(last.ok && last.value).toEqual({ data: [expect.objectContaining({ delta: 1 })], nextCursor: null });
    expect(await list.execute({ userId, limit: 2, cursor: 'bm9wZQ' })).toEqual({
      ok: false,
      failure: { type: 'InvalidCursor' },
    });
  });
});
