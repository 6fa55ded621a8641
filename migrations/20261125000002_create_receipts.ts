import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('receipts', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users');
    table.string('kind', 32).notNullable();
    table.bigInteger('delta').notNullable();
    table.bigInteger('balance_before').notNullable();
    table.bigInteger('balance_after').notNullable();
    table.string('reason', 255).notNullable();
    table.string('source', 100).notNullable();
    table.string('external_ref', 255).nullable();
    table.boolean('debt').notNullable().defaultTo(false);
    table.datetime('created_at', { precision: 3 }).notNullable();
    // A user's ledger is read newest first, page by page (`WHERE user_id = ? AND id < ? ORDER BY id DESC`).
    table.index(['user_id', 'id'], 'receipts_user_id_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('receipts');
}
