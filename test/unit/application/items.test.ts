import { GetItem } from '../../../src/application/get-item';
import { ListSellableItems } from '../../../src/application/list-sellable-items';
import { anItemDraft } from '../../support/builders/item';
import { openStore, StoreFixture } from './store-fixture';

describe('catalogue use cases', () => {
  let store: StoreFixture;

  beforeEach(async () => {
    store = await openStore();
  });

  it('lists sellable items only, newest first, page by page', async () => {
    const first = await store.stock(anItemDraft().with({ sku: 'first' }));
    await store.stock(anItemDraft().with({ sku: 'hidden', sellable: false }));
    const second = await store.stock(anItemDraft().with({ sku: 'second' }));
    const third = await store.stock(anItemDraft().with({ sku: 'third' }));
    const list = new ListSellableItems(store.uow);
    const page = await list.execute({ limit: 2 });
    if (!page.ok) throw new Error(page.failure.type);
    expect(page.value.data).toEqual([third, second]);
    const next = await list.execute({ limit: 2, cursor: page.value.nextCursor ?? undefined });
    expect(next).toEqual({ ok: true, value: { data: [first], nextCursor: null } });
    expect(await list.execute({ limit: 2, cursor: 'forged' })).toEqual({
      ok: false,
      failure: { type: 'InvalidCursor' },
    });
  });

  it('finds any item by id, one off sale included, and answers ItemNotFound otherwise', async () => {
    const hidden = await store.stock(anItemDraft().with({ sellable: false }));
    const get = new GetItem(store.uow);
    expect(await get.execute({ id: hidden.id })).toEqual({ ok: true, value: hidden });
    expect(await get.execute({ id: hidden.id + 1 })).toEqual({ ok: false, failure: { type: 'ItemNotFound' } });
  });
});
