import { ConsumeUserItem } from '../../../src/application/consume-user-item';
import { GetUserItem } from '../../../src/application/get-user-item';
import { ListUserItems } from '../../../src/application/list-user-items';
import { DAY_MS } from '../../../src/domain/duration';
import { UserItem } from '../../../src/domain/user-item';
import { anItemDraft } from '../../support/builders/item';
import { openStore, StoreFixture } from './store-fixture';

describe('inventory use cases', () => {
  let store: StoreFixture;

  beforeEach(async () => {
    store = await openStore();
    await store.grant(1000);
  });

  const target = (userItem: UserItem) => ({ userId: store.userId, userItemId: userItem.id });
  const get = (userItem: UserItem) => new GetUserItem(store.uow, store.clock).execute(target(userItem));
  const consume = (userItem: UserItem) => new ConsumeUserItem(store.uow, store.clock).execute(target(userItem));

  it('pages the inventory newest first and refuses a forged cursor', async () => {
    const bought = [];
    for (let i = 1; i <= 3; i += 1) bought.push(await store.buy(anItemDraft().with({ sku: `item-${i}` })));
    const list = new ListUserItems(store.uow, store.clock);
    const first = await list.execute({ userId: store.userId, limit: 2 });
    if (!first.ok) throw new Error(first.failure.type);
    expect(first.value.data.map((userItem) => userItem.id)).toEqual([bought[2]?.id, bought[1]?.id]);
    const second = await list.execute({ userId: store.userId, limit: 2, cursor: first.value.nextCursor ?? undefined });
    expect(second.ok && second.value).toEqual({ data: [bought[0]], nextCursor: null });
    expect(await list.execute({ userId: store.userId, limit: 2, cursor: 'forged' })).toEqual({
      ok: false,
      failure: { type: 'InvalidCursor' },
    });
    expect(await list.execute({ userId: store.userId + 1, limit: 2 })).toEqual({
      ok: false,
      failure: { type: 'UserNotFound' },
    });
  });

  it('answers an item past its expiry as expired, in the list and alone', async () => {
    const userItem = await store.buy(anItemDraft().with({ expiresAfterDays: 1 }));
    store.clock.advance(DAY_MS - 1);
    expect(await get(userItem)).toMatchObject({ ok: true, value: { status: 'active' } });
    store.clock.advance(1);
    expect(await get(userItem)).toMatchObject({ ok: true, value: { status: 'expired' } });
    const listed = await new ListUserItems(store.uow, store.clock).execute({ userId: store.userId, limit: 20 });
    expect(listed.ok && listed.value.data.map((entry) => entry.status)).toEqual(['expired']);
  });

  it('answers UserItemNotFound for an unknown user item and UserNotFound for an unknown user', async () => {
    const userItem = await store.buy();
    expect(await get({ ...userItem, id: userItem.id + 1 })).toEqual({
      ok: false,
      failure: { type: 'UserItemNotFound' },
    });
    expect(
      await new GetUserItem(store.uow, store.clock).execute({ userId: store.userId + 1, userItemId: userItem.id }),
    ).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
  });

  it('consumes an active item, and answers the same item when asked again', async () => {
    const userItem = await store.buy();
    store.clock.advance(1000);
    const consumed = await consume(userItem);
    expect(consumed).toEqual({ ok: true, value: { ...userItem, status: 'consumed', updatedAt: store.clock.now() } });
    store.clock.advance(1000);
    expect(await consume(userItem)).toEqual(consumed);
    expect(store.uow.snapshot().userItems.get(userItem.id)?.status).toBe('consumed');
  });

  it('refuses to consume an expired or withdrawn item', async () => {
    const expiring = await store.buy(anItemDraft().with({ sku: 'expiring', expiresAfterDays: 1 }));
    const withdrawn = await store.buy(anItemDraft().with({ sku: 'withdrawn' }));
    await store.uow.run((tx) =>
      tx.userItems.save({ ...withdrawn, status: 'withdrawn', withdrawnAt: store.clock.now() }),
    );
    store.clock.advance(DAY_MS);
    expect(await consume(expiring)).toEqual({ ok: false, failure: { type: 'UserItemNotActive' } });
    expect(await consume(withdrawn)).toEqual({ ok: false, failure: { type: 'UserItemNotActive' } });
    expect(await consume({ ...expiring, id: 999 })).toEqual({ ok: false, failure: { type: 'UserItemNotFound' } });
  });

  it('consumes once under concurrent requests', async () => {
    const userItem = await store.buy();
    const results = await Promise.all(Array.from({ length: 5 }, () => consume(userItem)));
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect(results[0]).toMatchObject({ ok: true, value: { status: 'consumed' } });
  });
});
