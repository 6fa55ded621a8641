import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_items', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users');
    table.bigInteger('item_id').unsigned().notNullable().references('id').inTable('items');
    // The purchase's receipt; NULL for an item that came with a Xsolla payment.
    table.bigInteger('receipt_id').unsigned().nullable().references('id').inTable('receipts');
    table.bigInteger('price_paid').notNullable();
    table.string('status', 16).notNullable();
    table.datetime('expires_at', { precision: 3 }).nullable();
    table.string('acquired_via', 16).notNullable();
    table.datetime('withdrawn_at', { precision: 3 }).nullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    // An inventory is read newest first, page by page (`WHERE user_id = ? AND id < ? ORDER BY id DESC`).
    table.index(['user_id', 'id'], 'user_items_user_id_id_index');
    // `max_per_user` counts a user's items of one item by status.
    table.index(['user_id', 'item_id', 'status'], 'user_items_user_id_item_id_status_index');
    // One withdrawal per Seoul day reads the user's latest `withdrawn_at`.
    table.index(['user_id', 'withdrawn_at'], 'user_items_user_id_withdrawn_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_items');
}
