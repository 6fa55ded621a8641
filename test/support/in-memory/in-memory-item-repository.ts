import { ItemPage, ItemRepository } from '../../../src/application/ports/item-repository';
import { PageRequest } from '../../../src/application/ports/page-request';
import { Item, ItemDraft } from '../../../src/domain/item';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';
import { newestFirstPage } from './newest-first-page';

export class InMemoryItemRepository implements ItemRepository {
  constructor(private readonly state: InMemoryState) {}

  listSellable(page: PageRequest): Promise<ItemPage> {
    const { records, more } = newestFirstPage(
      [...this.state.items.values()].filter((item) => item.sellable),
      page,
    );
    return Promise.resolve({ items: records, more });
  }

  findById(id: number): Promise<Item | null> {
    return Promise.resolve(copyOrNull(this.state.items.get(id)));
  }

  findBySku(sku: string): Promise<Item | null> {
    return Promise.resolve(copyOrNull(this.withSku(sku)));
  }

  upsertBySku(draft: ItemDraft, at: Date): Promise<Item> {
    const stored = this.withSku(draft.sku);
    let item: Item;
    if (stored) {
      // Like the SQL adapter: an update keeps the id and the creation time.
      item = { ...structuredClone(draft), id: stored.id, createdAt: stored.createdAt, updatedAt: new Date(at) };
    } else {
      this.state.lastIds.item += 1;
      item = {
        ...structuredClone(draft),
        id: this.state.lastIds.item,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      };
    }
    this.state.items.set(item.id, item);
    return Promise.resolve(structuredClone(item));
  }

  listAll(): Promise<Item[]> {
    return Promise.resolve(structuredClone([...this.state.items.values()].sort((a, b) => a.id - b.id)));
  }

  private withSku(sku: string): Item | undefined {
    return [...this.state.items.values()].find((item) => item.sku === sku);
  }
}
