import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.string('discord_id', 20).notNullable().unique({ indexName: 'users_discord_id_unique' });
    table.string('name', 100).notNullable();
    table.string('email', 254).nullable();
    table.bigInteger('points').notNullable().defaultTo(0);
    // Millisecond precision, always UTC (the connection sends and reads UTC).
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.datetime('deleted_at', { precision: 3 }).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
