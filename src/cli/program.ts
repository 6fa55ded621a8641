import { Command } from 'commander';
import { registerLogsCommand } from './commands/logs';

/** The `forte-cli` program: one commander program, one file per command under ./commands. */
export function buildProgram(): Command {
  const program = new Command('forte-cli')
    .description('Operate Forte: serve the API, migrate, manage clients and items, analyse access logs')
    .showHelpAfterError()
    .exitOverride();
  registerLogsCommand(program);
  return program;
}
