import { Knex } from 'knex';
import { useInnoDbUtf8mb4 } from './table-defaults';

/**
 * One row per `forte-cli reconcile` run: its window, source and mode, then what it found and repaired. Repairs
 * name their run in their receipts (`source` = `reconciliation:<id>`), and `/metrics` reads the last run's count.
 * Also indexes `xsolla_transactions` by time, which a run reads by window.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reconciliation_runs', (table) => {
    useInnoDbUtf8mb4(knex, table);
    table.bigIncrements('id').unsigned().primary();
    // `YYYY-MM-DD`, both days included.
    table.string('window_from', 10).notNullable();
    table.string('window_to', 10).notNullable();
    // `api`, or the export file's name.
    table.string('source', 255).notNullable();
    table.boolean('apply').notNullable();
    // `running`, then `finished` or `failed`.
    table.string('status', 16).notNullable();
    table.bigInteger('mismatches').nullable();
    table.bigInteger('repaired').nullable();
    table.bigInteger('needs_human').nullable();
    // JSON: the count and points of each category.
    table.text('summary').nullable();
    table.string('error', 1000).nullable();
    table.datetime('started_at', { precision: 3 }).notNullable();
    table.datetime('finished_at', { precision: 3 }).nullable();
  });
  await knex.schema.alterTable('xsolla_transactions', (table) => {
    table.index(['created_at', 'id'], 'xsolla_transactions_created_at_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('xsolla_transactions', (table) => {
    table.dropIndex(['created_at', 'id'], 'xsolla_transactions_created_at_id_index');
  });
  await knex.schema.dropTable('reconciliation_runs');
}
