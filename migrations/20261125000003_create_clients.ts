import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clients', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.string('name', 64).notNullable().unique({ indexName: 'clients_name_unique' });
    // A JSON array of scope names.
    table.text('scopes').notNullable();
    // Hex SHA-256 of the token; the token itself is never stored.
    table.specificType('token_hash', 'char(64)').notNullable().unique({ indexName: 'clients_token_hash_unique' });
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('revoked_at', { precision: 3 }).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('clients');
}
