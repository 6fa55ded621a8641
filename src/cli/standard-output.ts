import { EXIT } from './exit-codes';

/**
 * What forte-cli does when standard output cannot be written, rather than Node's crash with a stack. The reader
 * went away (`| head -1`, EPIPE): the rest of the output is dropped, and the command ends with its own status, so a
 * cut `audit` still says whether it found problems. Any other failure (a full disk): the reason on standard error
 * and exit 2, as the command's output is incomplete.
 */
export function guardStandardOutput(): void {
  let failure: Error | null = null;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || failure) return;
    failure = error;
    process.stderr.write(`forte-cli: could not write to standard output: ${error.message}\n`);
  });
  process.on('exit', () => {
    if (failure) process.exitCode = EXIT.usageOrFault;
  });
}
