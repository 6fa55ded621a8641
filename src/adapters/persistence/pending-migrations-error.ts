/** The database schema is behind the code; a MySQL database is only migrated when an operator says so. */
export class PendingMigrationsError extends Error {
  constructor(pending: string[]) {
    super(
      `the database has ${pending.length} pending migration(s) (${pending.join(', ')}): ` +
        'run `forte-cli migrate latest` first, or `forte-cli serve --migrate`',
    );
  }
}
