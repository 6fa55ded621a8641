import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/**
 * The balance mirror's outbox: one row per balance change, written by the ledger's posting in the change's own
 * transaction (one small insert), removed once Xsolla's copy of the wallet has caught up.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('xsolla_outbox', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users');
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.index(['user_id'], 'xsolla_outbox_user_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('xsolla_outbox');
}
