import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/** The short links to Pay Station pages that bots paste into chat messages (`/shops/{code}`). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checkout_links', (table) => {
    useInnoDbUtf8mb4(knex, table);
    // Case matters in a code, as in the URL it is part of.
    table.string('code', 32).collate('utf8mb4_bin').notNullable().primary();
    table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users');
    table.string('url', 2048).notNullable();
    table.datetime('expires_at', { precision: 3 }).notNullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('checkout_links');
}
