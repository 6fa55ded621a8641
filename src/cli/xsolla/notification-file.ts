import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { usageError } from '../cli-error';

/** Where the repository keeps Xsolla's own webhook payloads: the first ancestor of this file that holds them. */
function fixtureFolder(): string | null {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const candidate = join(folder, 'test', 'fixtures', 'xsolla');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return null;
  }
}

/**
 * The text of a notification to send: a fixture of the checkout by name (`payment`, `refund`, ...), else a JSON
 * file by its path.
 */
export function readNotification(given: string): string {
  const folder = fixtureFolder();
  const fixture = folder && /^[a-z_]+$/.test(given) ? join(folder, `${given}.json`) : null;
  const path = fixture && existsSync(fixture) ? fixture : resolve(given);
  if (!existsSync(path)) {
    throw usageError(
      `${given}: no such file, nor a fixture of test/fixtures/xsolla (payment, refund, order_paid, ...)`,
    );
  }
  return readFileSync(path, 'utf8');
}
