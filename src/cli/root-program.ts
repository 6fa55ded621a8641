import { Command } from 'commander';
import { version } from '../../package.json';

/**
 * The `forte-cli` root command, before any command is registered: its description, version and global options.
 * Under `--json` commander prints nothing of its own: its usage errors are reported as JSON like every other failure.
 */
export function rootProgram(output: { json: boolean }): Command {
  const program = new Command('forte-cli')
    .description('Operate Forte: serve the API, migrate, manage clients and items, analyse access logs, Xsolla')
    .version(version, '-V, --version', 'print the version')
    .option('--verbose', 'on a failure, print its stack too')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError()
    .exitOverride();
  if (output.json) program.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  return program;
}
