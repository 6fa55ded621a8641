import { Item, ItemDraft } from '../../domain/item';
import { PageRequest } from './page-request';

export interface ItemPage {
  items: Item[];
  /** True when older items follow the last one. */
  more: boolean;
}

/** The store catalogue. */
export interface ItemRepository {
  /** Sellable items, newest first; `beforeId` continues after the last item of the previous page. */
  listSellable(page: PageRequest): Promise<ItemPage>;
  findById(id: number): Promise<Item | null>;
  findBySku(sku: string): Promise<Item | null>;
  /** Inserts the item, or overwrites every field of the item with the same SKU; `at` stamps the change. */
  upsertBySku(draft: ItemDraft, at: Date): Promise<Item>;
  /** Every item, sellable or not, by id: for operators. */
  listAll(): Promise<Item[]>;
}
