import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    table.string('scope', 191).notNullable();
    table.string('key', 255).notNullable();
    // The unique index is over a SHA-256 of the key: (scope, key) in utf8mb4 would pass InnoDB's index size limit.
    table.specificType('key_hash', 'char(64)').notNullable();
    // A digest of the request, compared as is (a SHA-256 hex today; room for a longer one).
    table.string('fingerprint', 128).notNullable();
    // JSON of the stored answer (Dates tagged, see result-codec.ts); NULL until the work stores it.
    table.text('result', 'mediumtext').nullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.unique(['scope', 'key_hash'], { indexName: 'idempotency_keys_scope_key_hash_unique' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
}
