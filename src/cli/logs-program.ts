import { Command } from 'commander';
import { registerLogsCommand } from './commands/logs';
import { rootProgram } from './root-program';

/**
 * The program with the `logs` command alone, for a `forte-cli logs` run: the other commands' modules (some 20 of
 * them, with their libraries) would take some 10 MB of the memory an analysis of a big log is measured by.
 */
export function buildLogsProgram(output: { json: boolean }): Command {
  const program = rootProgram(output);
  registerLogsCommand(program);
  return program;
}
