import { Command } from 'commander';
import { version } from '../../package.json';
import { registerAuditCommand } from './commands/audit';
import { registerClientsCommand } from './commands/clients';
import { registerItemsCommand } from './commands/items';
import { registerLogsCommand } from './commands/logs';
import { registerMigrateCommand } from './commands/migrate';
import { registerReconcileCommand } from './commands/reconcile';
import { registerServeCommand } from './commands/serve';
import { registerXsollaCommand } from './commands/xsolla';

/**
 * The `forte-cli` program: one commander program, one file per command under ./commands. Under `--json` commander
 * prints nothing of its own: its usage errors are reported as JSON like every other failure.
 */
export function buildProgram(output: { json: boolean }): Command {
  const program = new Command('forte-cli')
    .description('Operate Forte: serve the API, migrate, manage clients and items, analyse access logs, Xsolla')
    .version(version, '-V, --version', 'print the version')
    .option('--verbose', 'on a failure, print its stack too')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError()
    .exitOverride();
  if (output.json) program.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
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
