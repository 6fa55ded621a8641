import { ProcessOutcome, runProcess } from './run-process';

/*
 * Jest's TypeScript transform only exists inside jest. A child process gets the same effect from a require hook
 * that strips types with the TypeScript compiler (no type check: jest's run and `tsc` do that).
 */
const BOOTSTRAP = `
const ts = require('typescript');
const fs = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
require(require('node:path').resolve(process.argv[1]));
`;

/** Runs a TypeScript file in a separate Node process with the given arguments (`process.argv.slice(2)`). */
export function runTypeScriptProcess(file: string, args: string[]): Promise<ProcessOutcome> {
  return runProcess(process.execPath, ['-e', BOOTSTRAP, file, ...args]);
}
