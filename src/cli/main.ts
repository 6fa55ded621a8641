import { buildProgram } from './program';
import { reportFailure } from './report-failure';

/** Every command takes `--json`; read before parsing, so that even a usage error is answered in JSON. */
const wantsJson = (args: string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
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
