import { ConfigError } from '../adapters/config/config-error';
import { connectionFailure } from '../adapters/persistence/connection-failure';
import { redactPassword } from '../adapters/persistence/database-url';
import { PendingMigrationsError } from '../adapters/persistence/pending-migrations-error';
import type { MigrationPolicy, Runtime } from '../runtime';
import { CliError } from './cli-error';

/**
 * Opens Forte on the configured database. A bad configuration, a database it cannot reach or use, or a schema
 * behind the code is a one-line failure. The configuration and the runtime are loaded here, not at start-up, so
 * commands without a database stay light.
 */
export async function openCliRuntime(migrations: MigrationPolicy): Promise<Runtime> {
  const [{ loadConfig }, { openRuntime }] = await Promise.all([
    import('../adapters/config/load-config'),
    import('../runtime'),
  ]);
  let databaseUrl: string | undefined;
  try {
    const config = loadConfig();
    databaseUrl = config.DATABASE_URL;
    return await openRuntime(config, { migrations });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError('INVALID_CONFIG', error.message);
    throw explainDatabaseFailure(error, databaseUrl);
  }
}

/** Runs a command against Forte's configured database, closing the connection however the command ends. */
export async function withRuntime<T>(
  work: (runtime: Runtime) => Promise<T>,
  migrations: MigrationPolicy = 'apply-on-sqlite',
): Promise<T> {
  const runtime = await openCliRuntime(migrations);
  try {
    return await work(runtime);
  } catch (error) {
    throw explainDatabaseFailure(error, runtime.config.DATABASE_URL);
  } finally {
    await runtime.close();
  }
}

/** One line naming the cause, the `DATABASE_URL` with its password masked, and what to do; else the error itself. */
function explainDatabaseFailure(error: unknown, databaseUrl: string | undefined): unknown {
  if (error instanceof PendingMigrationsError) return new CliError('MIGRATIONS_PENDING', error.message);
  const failure = connectionFailure(error);
  if (failure === null || databaseUrl === undefined) return error;
  const { driverError, advice } = failure;
  const message = `cannot use the database ${redactPassword(databaseUrl)}: ${driverError.message}; ${advice}`;
  return new CliError('DATABASE_UNAVAILABLE', message, undefined, { cause: driverError });
}
