import { CommanderError } from 'commander';
import { CliError } from './cli-error';
import { EXIT, ExitCode } from './exit-codes';

/** What forte-cli prints for a failure: a code for `--json`, one line, and the exit code. */
function describe(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof CommanderError) return new CliError('BAD_USAGE', error.message.replace(/^error: /, ''));
  // Anything else is a fault of forte-cli itself: still one line, the stack on demand.
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(
    'INTERNAL_ERROR',
    `unexpected error: ${message} (--verbose prints the stack)`,
    EXIT.usageOrFault,
    {
      cause: error,
    },
  );
}

/**
 * Reports a command's failure in one line on stderr, or under `--json` as one `{"error": {"code", "message"}}`
 * line on stdout; `--verbose` adds the stack. Answers the exit code.
 */
export function reportFailure(error: unknown, output: { json: boolean; verbose: boolean }): ExitCode {
  // --help and --version end through commander's exception too, successfully.
  if (error instanceof CommanderError && error.exitCode === 0) return EXIT.ok;
  const failure = describe(error);
  if (output.json) {
    process.stdout.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message } })}\n`);
  } else if (!(error instanceof CommanderError)) {
    // Commander has printed its own usage errors, with the help that goes with them.
    process.stderr.write(`forte-cli: ${failure.message}\n`);
  }
  if (output.verbose) {
    const stack = (failure.cause ?? error) as Error;
    process.stderr.write(`${stack?.stack ?? String(stack)}\n`);
  }
  return failure.exitCode;
}
