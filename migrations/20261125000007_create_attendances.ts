import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attendances', (table) => {
    useInnoDbUtf8mb4(knex, table);
    // The attendance bot knows users by Discord id only; a row exists once the user first checked in.
    table.string('discord_id', 20).notNullable().primary().references('discord_id').inTable('users');
    table.integer('key_count').unsigned().notNullable();
    table.integer('check_in_count').unsigned().notNullable();
    table.datetime('last_checked_in_at', { precision: 3 }).nullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('attendances');
}
