import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `tsc -b` rewrites this file on every build, even one that finds nothing to compile. */
const BUILD_INFO = 'dist/tsconfig.tsbuildinfo';
/** What the built program is compiled from (the tests and benchmarks are compiled too, but not run from dist/). */
const SOURCES = ['src', 'migrations'];

function* typeScriptFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/**
 * Throws when dist/ is missing or older than a source file. The end-to-end tests run the built program as an
 * operator would, so without this an edit that was never built would silently test the old code.
 */
export function assertFreshBuild(root = join(__dirname, '../..')): void {
  const builtAt = statSync(join(root, BUILD_INFO), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) throw new Error('dist/ is not built: run `npm run build` (`npm test` does) first');
  for (const file of SOURCES.flatMap((folder) => [...typeScriptFiles(join(root, folder))])) {
    if (statSync(file).mtimeMs > builtAt) {
      throw new Error(`dist/ is older than ${relative(root, file)}: run \`npm run build\` (\`npm test\` does) first`);
    }
  }
}
