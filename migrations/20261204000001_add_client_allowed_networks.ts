import { Knex } from 'knex';

/** Where a client may call from: addresses and CIDR blocks, comma-separated; NULL, anywhere. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clients', (table) => {
    table.string('allowed_networks', 2000).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clients', (table) => {
    table.dropColumn('allowed_networks');
  });
}
