import { Item, ItemDraft } from '../../src/domain/item';
import { anItemDraft } from '../support/builders/item';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { AT } from './support/records';

const LATER = new Date(AT.getTime() + 3_600_001);

const draft = (fields: Partial<ItemDraft> = {}): ItemDraft => anItemDraft().with(fields).build();

export function itemRepositoryContract(target: () => PersistenceTarget): void {
  describe('ItemRepository', () => {
    const uow = emptiedBeforeEach(target);
    const upsert = (fields: Partial<ItemDraft>, at = AT): Promise<Item> =>
      uow().run((tx) => tx.items.upsertBySku(draft(fields), at));

    it('inserts an item of a new SKU and gives it back by id and by SKU', async () => {
      const fields: ItemDraft = draft({
        sku: 'virtual-good-item_test.2',
        name: '닉네임 색상 🎨',
        description: 'Paints your nickname.\nFor a month.',
        imageUrl: 'https://cdn.example.com/items/nickname-color.png',
        price: Number.MAX_SAFE_INTEGER,
        sellable: false,
        withdrawable: false,
        expiresAfterDays: 30,
        maxPerUser: 1,
      });
      const item = await uow().run((tx) => tx.items.upsertBySku(fields, AT));
      expect(item).toEqual({ id: expect.any(Number), ...fields, createdAt: AT, updatedAt: AT });
      await uow().run(async (tx) => {
        expect(await tx.items.findById(item.id)).toEqual(item);
        expect(await tx.items.findBySku(fields.sku)).toEqual(item);
      });
    });

    it('overwrites every field of the item with the same SKU, keeping its id and creation time', async () => {
      const first = await upsert({ sku: 'gem', price: 40, expiresAfterDays: 30, maxPerUser: 2, imageUrl: 'a.png' });
      const changed = draft({
        sku: 'gem',
        name: 'Gem, renamed',
        description: '',
        imageUrl: null,
        price: 0,
        sellable: false,
        withdrawable: false,
        expiresAfterDays: null,
        maxPerUser: null,
      });
      const second = await uow().run((tx) => tx.items.upsertBySku(changed, LATER));
      const expected: Item = { id: first.id, ...changed, createdAt: AT, updatedAt: LATER };
      expect(second).toEqual(expected);
      expect(await uow().run((tx) => tx.items.listAll())).toEqual([expected]);
    });

    it('tells SKUs apart by case', async () => {
      const upper = await upsert({ sku: 'Gem', price: 10 });
      const lower = await upsert({ sku: 'gem', price: 20 });
      expect(lower.id).not.toBe(upper.id);
      await uow().run(async (tx) => {
        expect((await tx.items.findBySku('Gem'))?.price).toBe(10);
        expect((await tx.items.findBySku('gem'))?.price).toBe(20);
      });
    });

    it('answers null for items that do not exist', async () => {
      const item = await upsert({ sku: 'gem' });
      await uow().run(async (tx) => {
        expect(await tx.items.findById(item.id + 1000)).toBeNull();
        expect(await tx.items.findBySku('gem2')).toBeNull();
      });
    });

    it('lists the sellable items newest first, page after page', async () => {
      const sellable: Item[] = [];
      for (let n = 1; n <= 5; n += 1) {
        sellable.push(await upsert({ sku: `sellable-${n}` }));
        await upsert({ sku: `hidden-${n}`, sellable: false });
      }
      const newestFirst = [...sellable].reverse();

      const first = await uow().run((tx) => tx.items.listSellable({ limit: 2, beforeId: null }));
      expect(first).toEqual({ items: newestFirst.slice(0, 2), more: true });
      const second = await uow().run((tx) => tx.items.listSellable({ limit: 2, beforeId: first.items[1]!.id }));
      expect(second).toEqual({ items: newestFirst.slice(2, 4), more: true });
      const last = await uow().run((tx) => tx.items.listSellable({ limit: 2, beforeId: second.items[1]!.id }));
      expect(last).toEqual({ items: newestFirst.slice(4), more: false });
    });

    it('stops listing an item once an upsert makes it unsellable', async () => {
      await upsert({ sku: 'gem' });
      await upsert({ sku: 'gem', sellable: false }, LATER);
      expect(await uow().run((tx) => tx.items.listSellable({ limit: 20, beforeId: null }))).toEqual({
        items: [],
        more: false,
      });
    });

    it('lists every item, sellable or not, by id', async () => {
      const hidden = await upsert({ sku: 'hidden', sellable: false });
      const shown = await upsert({ sku: 'shown' });
      expect(await uow().run((tx) => tx.items.listAll())).toEqual([hidden, shown]);
    });
  });
}
