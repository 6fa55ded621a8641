import { Command } from 'commander';
import { registerLogsCommand } from '../src/cli/commands/logs';

/**
 * `forte-cli logs` with no other command loaded: what the command costs by itself, for the benchmark to show
 * apart from the start-up of the whole program (whose other commands load their own modules up front).
 */
void new Command('forte-cli-logs-alone').exitOverride().addCommand((() => {
  const program = new Command();
  registerLogsCommand(program);
  return program.commands[0]!;
})()).parseAsync(process.argv);
