import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes the file whole or not at all: into a temporary file beside it, then renamed over it, so a reader (a browser
 * reloading the report) never sees half of it.
 */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
