import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/**
 * One row per Xsolla transaction: what its payment credited and what reversals took back. Every notification of
 * the transaction writes the row, so two of them on two cluster nodes conflict instead of missing each other.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('xsolla_transactions', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.string('transaction_id', 64).notNullable().unique({ indexName: 'xsolla_transactions_transaction_id_unique' });
    table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users');
    // NULL while only reversals have arrived.
    table.bigInteger('payment_receipt_id').unsigned().nullable().references('id').inTable('receipts');
    table.bigInteger('credited_points').notNullable();
    table.bigInteger('reversed_points').notNullable();
    // Money as Xsolla states it, a decimal string: never a float.
    table.string('payment_amount', 32).nullable();
    table.string('payment_currency', 32).nullable();
    table.boolean('dry_run').notNullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('xsolla_transactions');
}
