import { Knex } from 'knex';
import { migrationSource } from './migration-source';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** What a rollback would undo: the migrations applied together last, newest first. */
  lastBatch: string[];
}

const CONFIG: Knex.MigratorConfig = { migrationSource };
/** knex's own bookkeeping table (its default name), where each applied migration has its batch number. */
const MIGRATIONS_TABLE = 'knex_migrations';

/** Applies every pending migration; answers the names applied now, oldest first (none when up to date). */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(CONFIG)) as [number, string[]];
  return applied;
}

/** Undoes the last batch; answers the names undone, newest first. */
export async function rollback(knex: Knex): Promise<string[]> {
  const [, undone] = (await knex.migrate.rollback(CONFIG)) as [number, string[]];
  return undone;
}

export async function migrationStatus(knex: Knex): Promise<MigrationStatus> {
  const [applied, pending] = (await knex.migrate.list(CONFIG)) as [{ name: string }[], { name: string }[]];
  // Applied ones come from `knex_migrations`, pending ones are our source's entries: both carry the name.
  const names = (migrations: { name: string }[]): string[] => migrations.map((migration) => migration.name);
  // `list` has made sure the bookkeeping table exists.
  const lastBatch = (await knex(MIGRATIONS_TABLE)
    .where('batch', knex(MIGRATIONS_TABLE).max('batch'))
    .orderBy('id', 'desc')
    .pluck('name')) as string[];
  return { applied: names(applied), pending: names(pending), lastBatch };
}
