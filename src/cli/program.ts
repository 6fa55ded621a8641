import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit';
import { registerClientsCommand } from './commands/clients';
import { registerItemsCommand } from './commands/items';
import { registerLogsCommand } from './commands/logs';
import { registerMigrateCommand } from './commands/migrate';
import { registerReconcileCommand } from './commands/reconcile';
import { registerServeCommand } from './commands/serve';
import { registerXsollaCommand } from './commands/xsolla';
import { rootProgram } from './root-program';

/** The `forte-cli` program: one commander program, one file per command under ./commands. */
export function buildProgram(output: { json: boolean }): Command {
  const program = rootProgram(output);
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerClientsCommand(program);
  registerItemsCommand(program);
  registerLogsCommand(program);
  registerAuditCommand(program);
  registerXsollaCommand(program);
  registerReconcileCommand(program);
  return program;
}
