import { Knex } from 'knex';

/**
 * On MySQL/MariaDB every table is InnoDB (row locks, transactions) in utf8mb4 (names and reasons may hold any
 * character), whatever the server's or the database's defaults are. SQLite has neither notion; knex throws if
 * these options are asked of it.
 */
export function useInnoDbUtf8mb4(knex: Knex, table: Knex.CreateTableBuilder): void {
  if (knex.client.dialect !== 'mysql') return;
  table.engine('InnoDB');
  table.charset('utf8mb4');
  table.collate('utf8mb4_unicode_ci');
}
