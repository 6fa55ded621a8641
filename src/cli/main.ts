import { buildProgram } from './program';
import { reportFailure } from './report-failure';

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

async function main(): Promise<void> {
  const json = wantsJson(process.argv.slice(2));
  const program = buildProgram({ json });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = reportFailure(error, { json, verbose: program.opts().verbose === true });
  }
}

void main();
