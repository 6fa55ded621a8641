import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/** The inbox: every verified Xsolla webhook, stored raw before Forte acts on it, with what Forte made of it. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('xsolla_notifications', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.string('notification_type', 64).notNullable();
    // Xsolla's transaction id or `id_operation`, as a string: Xsolla's ids may exceed 2^53.
    table.string('external_id', 64).nullable();
    table.string('user_ref', 255).nullable();
    // The body's bytes as received (the signature covers exactly these), up to the 64 KiB body limit.
    if (knex.client.dialect === 'mysql') table.specificType('body', 'mediumblob').notNullable();
    else table.binary('body').notNullable();
    // NULL until handled: a delivery stored but never settled had its handling fail, and Xsolla sends it again.
    table.string('outcome', 16).nullable();
    table.datetime('received_at', { precision: 3 }).notNullable();
    table.datetime('handled_at', { precision: 3 }).nullable();
    table.index(['external_id'], 'xsolla_notifications_external_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('xsolla_notifications');
}
