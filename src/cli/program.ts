import { Command } from 'commander';
import { registerClientsCommand } from './commands/clients';
import { registerItemsCommand } from './commands/items';
import { registerLogsCommand } from './commands/logs';
import { registerMigrateCommand } from './commands/migrate';
import { registerServeCommand } from './commands/serve';

/** The `forte-cli` program: one commander program, one file per command under ./commands. */
export function buildProgram(): Command {
  const program = new Command('forte-cli')
    .description('Operate Forte: serve the API, migrate, manage clients and items, analyse access logs')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerClientsCommand(program);
  registerItemsCommand(program);
  registerLogsCommand(program);
  return program;
}
