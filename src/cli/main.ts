import { CommanderError } from 'commander';
import { buildProgram } from './program';
import { EXIT } from './exit-codes';

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usageOrFault;
      return;
    }
    process.stderr.write(`forte-cli: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.usageOrFault;
  }
}

void main();
