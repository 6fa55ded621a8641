import { Knex } from 'knex';

/**
 * A receipt reason names what it was for (`purchase <sku>`, with a SKU of up to 255 characters), so 255 characters
 * were too few. SQLite does not enforce VARCHAR lengths, so only MySQL/MariaDB has a column to widen.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.dialect !== 'mysql') return;
  await knex.schema.alterTable('receipts', (table) => {
    table.string('reason', 512).notNullable().alter();
  });
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.dialect !== 'mysql') return;
  await knex.schema.alterTable('receipts', (table) => {
    table.string('reason', 255).notNullable().alter();
  });
}
