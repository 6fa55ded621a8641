import { Knex } from 'knex';
import { z } from 'zod';
import { ItemPage, ItemRepository } from '../../application/ports/item-repository';
import { PageRequest } from '../../application/ports/page-request';
import { Item, ItemDraft } from '../../domain/item';
import { flagColumn, integerColumn, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { newestFirstPage } from './newest-first-page';
import { rowParser } from './row-parser';
import { upsertRecord } from './upsert-record';

/** An `items` row, checked and named as the domain names it. */
const toItem: (row: unknown) => Item = rowParser(
  z.object({
    id: integerColumn,
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    imageUrl: z.string().nullable(),
    price: integerColumn,
    sellable: flagColumn,
    withdrawable: flagColumn,
    expiresAfterDays: integerColumn.nullable(),
    maxPerUser: integerColumn.nullable(),
    createdAt: timestampColumn,
    updatedAt: timestampColumn,
  }),
);

export class KnexItemRepository implements ItemRepository {
  constructor(private readonly db: Knex) {}

  async listSellable(page: PageRequest): Promise<ItemPage> {
    const { records, more } = await newestFirstPage(this.db('items').where({ sellable: true }), page, toItem);
    return { items: records, more };
  }

  findById(id: number): Promise<Item | null> {
    return firstOrNull(this.db('items').where({ id }), toItem);
  }

  findBySku(sku: string): Promise<Item | null> {
    return firstOrNull(this.db('items').where({ sku }), toItem);
  }

  async upsertBySku(draft: ItemDraft, at: Date): Promise<Item> {
    const { sku, ...fields } = draft;
    await upsertRecord(this.db, 'items', { sku }, fields, at);
    // Neither driver reliably answers the id of a row the upsert updated, so it is read back.
    const item = await this.findBySku(draft.sku);
    if (item === null) throw new Error(`Item ${draft.sku} is missing right after its upsert`);
    return item;
  }

  async listAll(): Promise<Item[]> {
    const rows: unknown[] = await this.db('items').orderBy('id');
    return rows.map(toItem);
  }
}
