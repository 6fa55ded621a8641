import { CommanderError } from 'commander';
import { ConfigError } from '../adapters/config/config-error';
import { PendingMigrationsError } from '../adapters/persistence/pending-migrations-error';
import { EXIT } from './exit-codes';
import { buildProgram } from './program';
import { UsageError } from './usage-error';

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usageOrFault;
    } else if (error instanceof UsageError || error instanceof ConfigError || error instanceof PendingMigrationsError) {
      process.stderr.write(`forte-cli: ${error.message}\n`);
      process.exitCode = EXIT.usageOrFault;
    } else {
      process.stderr.write(`forte-cli: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT.usageOrFault;
    }
  }
}

void main();
