import { createInterface } from 'node:readline/promises';
import { CliError } from './cli-error';

/**
 * Lets a command that destroys data go ahead: with `--yes`, or when the operator answers yes on a terminal.
 * Anywhere else (a script, a pipe) it refuses, saying what would be destroyed, so nothing is lost by surprise.
 */
export async function confirmDestruction(consequence: string, options: { yes?: boolean }): Promise<void> {
  if (options.yes) return;
  if (!(process.stdin.isTTY && process.stderr.isTTY)) {
    throw new CliError('CONFIRMATION_REQUIRED', `${consequence}: pass --yes to go ahead (no terminal to ask on)`);
  }
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question(`${consequence}. Go ahead? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('NOT_CONFIRMED', 'nothing done: not confirmed');
  } finally {
    terminal.close();
  }
}
