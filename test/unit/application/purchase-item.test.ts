import { RecordedEvents } from '../../support/recorded-events';
import { DeleteUser } from '../../../src/application/delete-user';
import { PurchaseItem, PurchaseItemInput } from '../../../src/application/purchase-item';
import { DAY_MS } from '../../../src/domain/duration';
import { anItemDraft } from '../../support/builders/item';
import { openStore, StoreFixture } from './store-fixture';

describe('PurchaseItem', () => {
  let store: StoreFixture;

  beforeEach(async () => {
    store = await openStore();
  });

  const buy = (itemId: number, extra: Partial<PurchaseItemInput> = {}) =>
    new PurchaseItem(store.uow, store.clock, new RecordedEvents()).execute({
      userId: store.userId,
      itemId,
      source: 'client:lara-bot',
      ...extra,
    });

  it('charges the price with a purchase receipt and adds the user item tied to it', async () => {
    const item = await store.stock(anItemDraft().with({ price: 40, expiresAfterDays: 30 }));
    await store.grant(100);
    const bought = await buy(item.id);
    if (!bought.ok) throw new Error(bought.failure.type);
    const { userItem, receipt, points } = bought.value;
    expect(points).toBe(60);
    expect(receipt).toMatchObject({
      kind: 'purchase',
      delta: -40,
      balanceBefore: 100,
      balanceAfter: 60,
      source: 'client:lara-bot',
    });
    expect(userItem).toMatchObject({
      userId: store.userId,
      itemId: item.id,
      receiptId: receipt.id,
      pricePaid: 40,
      status: 'active',
      acquiredVia: 'points',
      expiresAt: new Date(store.clock.now().getTime() + 30 * DAY_MS),
    });
    expect(store.uow.snapshot().userItems.get(userItem.id)).toEqual(userItem);
    expect(store.balance()).toBe(store.ledgerSum());
  });

  it('keeps the price paid when the catalogue price changes later', async () => {
    const item = await store.stock(anItemDraft().with({ price: 40 }));
    await store.grant(40);
    const bought = await buy(item.id);
    await store.stock(anItemDraft().with({ price: 90 }));
    const userItemId = bought.ok ? bought.value.userItem.id : -1;
    expect(store.uow.snapshot().userItems.get(userItemId)?.pricePaid).toBe(40);
  });

  it('refuses too few points, an unsellable item, an unknown item and an unknown user, writing nothing', async () => {
    const item = await store.stock(anItemDraft().with({ price: 40 }));
    const hidden = await store.stock(anItemDraft().with({ sku: 'hidden', sellable: false }));
    await store.grant(39);
    const before = store.uow.snapshot();
    expect(await buy(item.id)).toEqual({
      ok: false,
      failure: { type: 'InsufficientPoints', balance: 39, required: 40 },
    });
    expect(await buy(hidden.id)).toEqual({ ok: false, failure: { type: 'ItemNotSellable' } });
    expect(await buy(hidden.id + 100)).toEqual({ ok: false, failure: { type: 'ItemNotFound' } });
    expect(await buy(item.id, { userId: store.userId + 1 })).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
    expect(store.uow.snapshot()).toEqual(before);
  });

  it('refuses a deleted user', async () => {
    const item = await store.stock();
    await new DeleteUser(store.uow, store.clock).execute({ id: store.userId });
    expect(await buy(item.id)).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
  });

  it('enforces max_per_user, not counting withdrawn purchases', async () => {
    const item = await store.stock(anItemDraft().with({ price: 10, maxPerUser: 2 }));
    await store.grant(100);
    const first = await buy(item.id);
    await buy(item.id);
    expect(await buy(item.id)).toEqual({ ok: false, failure: { type: 'PurchaseLimitReached', maxPerUser: 2 } });
    if (!first.ok) throw new Error(first.failure.type);
    await store.uow.run((tx) =>
      tx.userItems.save({ ...first.value.userItem, status: 'withdrawn', withdrawnAt: store.clock.now() }),
    );
    expect((await buy(item.id)).ok).toBe(true);
  });

  it('sells exactly what the balance covers to concurrent purchases', async () => {
    const item = await store.stock(anItemDraft().with({ price: 20 }));
    await store.grant(100);
    const results = await Promise.all(Array.from({ length: 20 }, () => buy(item.id)));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.failure.type)).toEqual(
      Array(15).fill('InsufficientPoints'),
    );
    expect(store.uow.snapshot().userItems.size).toBe(5);
    expect(store.balance()).toBe(0);
    expect(store.balance()).toBe(store.ledgerSum());
  });

  describe('with an idempotency key', () => {
    const request = (fingerprint: string) => ({ scope: 'client:1 POST /users/{id}/items', key: 'buy-1', fingerprint });

    it('buys once and replays the first answer, also to concurrent retries', async () => {
      const item = await store.stock(anItemDraft().with({ price: 30 }));
      await store.grant(100);
      const first = await buy(item.id, { idempotency: request('a') });
      const retries = await Promise.all(Array.from({ length: 5 }, () => buy(item.id, { idempotency: request('a') })));
      retries.forEach((retry) => expect(retry).toEqual(first));
      expect(first.ok && first.value.receipt.externalRef).toBe('buy-1');
      expect(store.balance()).toBe(70);
      expect(store.uow.snapshot().userItems.size).toBe(1);
    });

    it('refuses the key for another item', async () => {
      const item = await store.stock();
      await store.grant(100);
      await buy(item.id, { idempotency: request('a') });
      expect(await buy(item.id, { idempotency: request('b') })).toEqual({
        ok: false,
        failure: { type: 'IdempotencyKeyReused' },
      });
    });
  });
});
