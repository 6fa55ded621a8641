import { EXIT, ExitCode } from './exit-codes';

/**
 * A failure forte-cli reports in one line (under `--json`, one `{"error": {"code", "message"}}` line on stdout)
 * and exits with. `cause` is the error behind it, whose stack `--verbose` prints.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode = EXIT.usageOrFault,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** A mistake in how a command was called, or a refusal the caller must fix. */
export const usageError = (message: string): CliError => new CliError('BAD_USAGE', message);
