import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/**
 * The effect of each Xsolla notification, stored once under its idempotency key: (`payment`, transaction id),
 * (`refund`, the same id), ..., (`user_balance_operation`, `id_operation`). The unique key, certified cluster-wide on
 * Galera, is what makes a second delivery change nothing. Xsolla's ids live here, apart from the bots' idempotency
 * keys (which `receipts.external_ref` also holds, unscoped).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('xsolla_operations', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.string('kind', 32).notNullable();
    table.string('external_id', 64).notNullable();
    table.bigInteger('notification_id').unsigned().notNullable().references('id').inTable('xsolla_notifications');
    table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users');
    table.string('state', 16).notNullable();
    // JSON: what a reversal asks to take back.
    table.text('request').nullable();
    table.bigInteger('receipt_id').unsigned().nullable().references('id').inTable('receipts');
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('applied_at', { precision: 3 }).nullable();
    table.unique(['kind', 'external_id'], { indexName: 'xsolla_operations_kind_external_id_unique' });
    // A payment looks up the reversals that arrived before it.
    table.index(['external_id', 'state'], 'xsolla_operations_external_id_state_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('xsolla_operations');
}
