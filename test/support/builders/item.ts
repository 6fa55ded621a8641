import { Item, ItemDraft } from '../../../src/domain/item';
import { Builder, BUILT_AT } from './builder';

class ItemBuilder extends Builder<Item> {
  withId(id: number): this {
    return this.with({ id });
  }

  withSku(sku: string): this {
    return this.with({ sku });
  }

  withPrice(price: number): this {
    return this.with({ price });
  }

  notSellable(): this {
    return this.with({ sellable: false });
  }

  notWithdrawable(): this {
    return this.with({ withdrawable: false });
  }

  expiringAfterDays(expiresAfterDays: number): this {
    return this.with({ expiresAfterDays });
  }

  limitedTo(maxPerUser: number): this {
    return this.with({ maxPerUser });
  }
}

/** A sellable, withdrawable item of 40 points, without expiry or limit. */
export const anItem = (): ItemBuilder =>
  new ItemBuilder({
    id: 5,
    sku: 'nickname-color',
    name: 'Nickname colour',
    description: 'Paints your nickname for a month.',
    imageUrl: null,
    price: 40,
    sellable: true,
    withdrawable: true,
    expiresAfterDays: null,
    maxPerUser: null,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
  });

/** The fields of `anItem()` as an import row carries them. */
export const anItemDraft = (): Builder<ItemDraft> => {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = anItem().build();
  return new Builder(draft);
};
