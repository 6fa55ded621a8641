import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the repository keeps Xsolla's own webhook payloads (test/fixtures/xsolla): the first ancestor of this file
 * that holds them, from the sources as from `dist/`; null in an installation without them.
 */
function fixtureFolder(): string | null {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const candidate = join(folder, 'test', 'fixtures', 'xsolla');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return null;
  }
}

/** A webhook fixture's text by name (`payment`, `refund`, ...), exactly as stored; null when there is none. */
export function webhookFixture(name: string): string | null {
  const folder = fixtureFolder();
  const path = folder && /^[a-z_]+$/.test(name) ? join(folder, `${name}.json`) : null;
  return path && existsSync(path) ? readFileSync(path, 'utf8') : null;
}
