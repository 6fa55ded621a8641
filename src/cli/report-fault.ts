import { CommanderError } from 'commander';
import { CliError } from './cli-error';

/**
 * Sends a fault of forte-cli (an unexpected error: not a refusal, a usage error or an unreachable database, which
 * the operator is told about) to Sentry when `SENTRY_DSN` is configured, tagged with the command. Never fails: the
 * operator has the one-line message either way.
 */
export async function reportFault(error: unknown, command: string): Promise<void> {
  if (error instanceof CliError || error instanceof CommanderError) return;
  try {
    const [{ loadConfig }, { createErrorReporter }, { createLogger }] = await Promise.all([
      import('../adapters/config/load-config'),
      import('../adapters/observability/error-reporter'),
      import('../adapters/observability/logger'),
    ]);
    const config = loadConfig();
    if (!config.SENTRY_DSN) return;
    const reporter = await createErrorReporter({
      dsn: config.SENTRY_DSN,
      environment: config.SENTRY_ENVIRONMENT,
      // The operator reads the one-line message; the structured log would repeat it.
      logger: createLogger('silent'),
    });
    reporter.report(error, { command });
    await reporter.flush();
  } catch {
    // A configuration that does not parse was reported as such; Sentry away is no reason to fail differently.
  }
}
