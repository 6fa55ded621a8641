import { reportFailure } from './report-failure';
import { reportFault } from './report-fault';
import { guardStandardOutput } from './standard-output';

/**
 * Every command takes `--json` (reconcile also `--format json`); read before parsing, so that even a usage error
 * is answered in JSON.
 */
const wantsJson = (args: string[]): boolean => {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  return (
    options.includes('--json') ||
    options.includes('--format=json') ||
    options.some((option, at) => option === '--format' && options[at + 1] === 'json')
  );
};

/** The command and subcommand named (`items list`), to tag a fault with. */
const commandOf = (args: string[]): string =>
  args
    .filter((arg) => !arg.startsWith('-'))
    .slice(0, 2)
    .join(' ');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = wantsJson(args);
  const command = args.find((arg) => !arg.startsWith('-'));
  // Not `serve`: its standard output is the access log of a long-running server, not a report a reader may cut.
  if (command !== 'serve') guardStandardOutput();
  // `logs` loads its own command alone: the analysis of a big log is measured by its memory (docs/logs.md).
  const program =
    command === 'logs'
      ? (await import('./logs-program')).buildLogsProgram({ json })
      : (await import('./program')).buildProgram({ json });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = reportFailure(error, { json, verbose: program.opts().verbose === true });
    await reportFault(error, commandOf(args));
  }
}

void main();
