import { timingSafeEqual } from 'node:crypto';

/** Compares a secret with what a request sent without telling, by the time it takes, how much of it matched. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
