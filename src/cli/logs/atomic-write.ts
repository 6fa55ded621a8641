import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes the file whole or not at all: into a temporary file beside it, then renamed over it, so a reader (a browser
 * reloading the report) never sees half of it. A write or rename that fails leaves no temporary file behind.
 */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Why `file` cannot be written as writeFileAtomically writes it (its folder is missing or not writable, or it is a
 * folder itself), or null: asked before a long analysis rather than found out after it.
 */
export function whyNotWritable(file: string): string | null {
  const folder = dirname(resolve(file));
  const stats = statSync(folder, { throwIfNoEntry: false });
  if (!stats) return `its folder ${folder} does not exist`;
  if (!stats.isDirectory()) return `${folder} is not a folder`;
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) return 'it is a folder';
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return `no permission to write in ${folder}`;
  }
  return null;
}
