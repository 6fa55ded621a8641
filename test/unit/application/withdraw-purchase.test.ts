import { RecordedEvents } from '../../support/recorded-events';
import { WithdrawPurchase, WithdrawPurchaseInput } from '../../../src/application/withdraw-purchase';
import { DAY_MS, HOUR_MS } from '../../../src/domain/duration';
import { UserItem } from '../../../src/domain/user-item';
import { anItemDraft } from '../../support/builders/item';
import { openStore, StoreFixture } from './store-fixture';

describe('WithdrawPurchase', () => {
  let store: StoreFixture;

  beforeEach(async () => {
    store = await openStore();
    await store.grant(1000);
  });

  const withdraw = (userItem: UserItem, extra: Partial<WithdrawPurchaseInput> = {}) =>
    new WithdrawPurchase(store.uow, store.clock, new RecordedEvents()).execute({
      userId: store.userId,
      userItemId: userItem.id,
      source: 'client:lara-bot',
      ...extra,
    });
  const refusal = (reason: string) => ({ ok: false, failure: { type: 'WithdrawalNotAllowed', reason } });

  it('refunds the price paid, not the current price, and marks the item withdrawn', async () => {
    const userItem = await store.buy(anItemDraft().with({ price: 40 }));
    await store.stock(anItemDraft().with({ price: 90 }));
    store.clock.advance(HOUR_MS);
    const withdrawn = await withdraw(userItem);
    if (!withdrawn.ok) throw new Error(withdrawn.failure.type);
    expect(withdrawn.value.points).toBe(1000);
    expect(withdrawn.value.receipt).toMatchObject({
      kind: 'withdrawal',
      delta: 40,
      balanceBefore: 960,
      balanceAfter: 1000,
    });
    expect(withdrawn.value.userItem).toMatchObject({ status: 'withdrawn', withdrawnAt: store.clock.now() });
    expect(store.uow.snapshot().userItems.get(userItem.id)).toEqual(withdrawn.value.userItem);
    expect(store.balance()).toBe(store.ledgerSum());
  });

  it('refuses an item that is not withdrawable', async () => {
    expect(await withdraw(await store.buy(anItemDraft().with({ withdrawable: false })))).toEqual(
      refusal('not_withdrawable'),
    );
  });

  it('refuses a consumed item', async () => {
    const userItem = await store.buy();
    await store.uow.run((tx) => tx.userItems.save({ ...userItem, status: 'consumed' }));
    expect(await withdraw(userItem)).toEqual(refusal('not_active'));
  });

  it('refuses from 168 hours after the purchase on', async () => {
    const early = await store.buy(anItemDraft().with({ sku: 'early' }));
    const late = await store.buy(anItemDraft().with({ sku: 'late' }));
    store.clock.advance(7 * DAY_MS - 1);
    expect((await withdraw(early)).ok).toBe(true);
    store.clock.advance(DAY_MS);
    expect(await withdraw(late)).toEqual(refusal('too_late'));
  });

  it('allows one withdrawal per Asia/Seoul day', async () => {
    const first = await store.buy(anItemDraft().with({ sku: 'first' }));
    const second = await store.buy(anItemDraft().with({ sku: 'second' }));
    store.clock.set('2026-11-10T14:59:59Z'); // 23:59:59 KST
    expect((await withdraw(first)).ok).toBe(true);
    expect(await withdraw(second)).toEqual(refusal('daily_limit'));
    store.clock.set('2026-11-10T15:00:00Z'); // 00:00 KST, the next Seoul day
    expect((await withdraw(second)).ok).toBe(true);
  });

  it('refuses an unknown user item and an unknown user', async () => {
    const userItem = await store.buy();
    expect(await withdraw({ ...userItem, id: userItem.id + 1 })).toEqual({
      ok: false,
      failure: { type: 'UserItemNotFound' },
    });
    expect(await withdraw(userItem, { userId: store.userId + 1 })).toEqual({
      ok: false,
      failure: { type: 'UserNotFound' },
    });
  });

  it('refunds once when one item is withdrawn twice at the same time', async () => {
    const userItem = await store.buy(anItemDraft().with({ price: 40 }));
    const results = await Promise.all([withdraw(userItem), withdraw(userItem)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual(refusal('not_active'));
    expect(store.balance()).toBe(1000);
    expect(store.uow.snapshot().receipts.filter((receipt) => receipt.kind === 'withdrawal')).toHaveLength(1);
  });

  it('replays the first answer to a retry with the same idempotency key', async () => {
    const userItem = await store.buy();
    const idempotency = {
      scope: 'client:1 POST /users/{id}/items/{userItemId}/withdraw',
      key: 'w-1',
      fingerprint: 'a',
    };
    const first = await withdraw(userItem, { idempotency });
    expect(await withdraw(userItem, { idempotency })).toEqual(first);
    expect(first.ok && first.value.receipt.externalRef).toBe('w-1');
    expect(store.balance()).toBe(1000);
  });
});
