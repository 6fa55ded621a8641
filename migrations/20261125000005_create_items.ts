import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('items', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    // Compared byte for byte as on SQLite (and at Xsolla): "Gem" and "gem" are two SKUs, not a duplicate.
    table.string('sku', 255).notNullable().collate('utf8mb4_bin').unique({ indexName: 'items_sku_unique' });
    table.string('name', 255).notNullable();
    table.text('description').notNullable();
    table.string('image_url', 2048).nullable();
    table.bigInteger('price').notNullable();
    table.boolean('sellable').notNullable();
    table.boolean('withdrawable').notNullable();
    table.integer('expires_after_days').unsigned().nullable();
    table.integer('max_per_user').unsigned().nullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    // The catalogue is read newest first, sellable items only (`WHERE sellable AND id < ? ORDER BY id DESC`).
    table.index(['sellable', 'id'], 'items_sellable_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('items');
}
