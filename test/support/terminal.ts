import { spawnSync } from 'node:child_process';
import { FORTE_CLI } from './forte-cli';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs forte-cli on a pseudo-terminal (util-linux `script`), typing `input`, as an operator at a terminal would.
 * The answer is everything the terminal showed, stdout and stderr together.
 */
export function runCliOnTerminal(
  args: string[],
  options: { env: Record<string, string>; cwd: string; input: string },
): { status: number | null; screen: string } {
  const command = [process.execPath, FORTE_CLI, ...args].map(quote).join(' ');
  const run = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', TERM: 'dumb', ...options.env },
    input: options.input,
    timeout: 30_000,
  });
  return { status: run.status, screen: run.stdout.toString('utf8') };
}
