import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/**
 * One row per user whose wallet the mirror has worked on: the balance Xsolla last answered, and the claim of the
 * worker bringing it in step (a lease and a version, written conditionally, so at most one worker holds it).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('xsolla_wallets', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigInteger('user_id').unsigned().notNullable().primary().references('id').inTable('users');
    table.bigInteger('mirrored_balance').nullable();
    table.bigInteger('version').notNullable();
    table.string('lease_owner', 100).nullable();
    table.datetime('lease_until', { precision: 3 }).nullable();
    // Failures in a row, and when the next attempt may start (backoff).
    table.integer('attempts').unsigned().notNullable();
    table.datetime('next_attempt_at', { precision: 3 }).nullable();
    table.string('last_error', 255).nullable();
    table.datetime('synced_at', { precision: 3 }).nullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('xsolla_wallets');
}
