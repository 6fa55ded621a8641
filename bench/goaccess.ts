import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GOACCESS = process.env.GOACCESS ?? '/usr/bin/goaccess';
export const FORTE_CLI = join(__dirname, '../src/cli/main.js');

/** The general keys both tools count, compared exactly. */
export const SHARED_GENERAL_KEYS = [
  'total_requests', 'valid_requests', 'failed_requests', 'unique_visitors', 'unique_files', 'unique_static_files',
  'unique_not_found', 'bandwidth',
] as const;

export interface Measured {
  wallSeconds: number;
  peakRssKb: number;
}

export function requireGoAccess(): void {
  if (!existsSync(GOACCESS)) {
    process.stderr.write(`GoAccess is not installed at ${GOACCESS} (apt-get install goaccess, or set GOACCESS)\n`);
    process.exit(2);
  }
}

/**
 * Runs a command under GNU time (`/usr/bin/time -f`), which reports the wall time and the peak resident set of
 * the process — threads included, so worker threads would count too. Standard output goes to `stdoutFile`.
 */
export function measure(command: string, args: string[], stdoutFile?: string): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'forte-bench-'));
  const timeFile = join(dir, 'time.txt');
  const shell = `exec /usr/bin/time -f '%e %M' -o '${timeFile}' "$@"${stdoutFile ? ` > '${stdoutFile}'` : ' > /dev/null'} 2> /dev/null`;
  const run = spawnSync('/bin/sh', ['-c', shell, 'sh', command, ...args], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`);
  const [wall, rss] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { wallSeconds: wall!, peakRssKb: rss! };
}

export function readJson(file: string): { general: Record<string, number>; status_codes: unknown } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** GoAccess's status panel groups codes by class; flattened to `{ "200": hits }`. */
export function flattenGoAccessStatus(statusCodes: unknown): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const group of (statusCodes as { data: { items: { data: string; hits: { count: number } }[] }[] }).data) {
    for (const item of group.items) codes[item.data.split(' ')[0]!] = item.hits.count;
  }
  return codes;
}

/** Lines describing every difference between the two reports' shared keys and status counts; empty when equal. */
export function differences(goaccess: ReturnType<typeof readJson>, ours: ReturnType<typeof readJson>): string[] {
  const found: string[] = [];
  for (const key of SHARED_GENERAL_KEYS) {
    if (goaccess.general[key] !== ours.general[key]) found.push(`general.${key}: goaccess ${goaccess.general[key]}, forte-cli ${ours.general[key]}`);
  }
  const theirs = flattenGoAccessStatus(goaccess.status_codes);
  const mine = ours.status_codes as Record<string, number>;
  for (const code of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
    if (theirs[code] !== mine[code]) found.push(`status ${code}: goaccess ${theirs[code] ?? 0}, forte-cli ${mine[code] ?? 0}`);
  }
  return found;
}

export function runSync(command: string, args: string[]): void {
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${command} exited with ${run.status}: ${run.stderr.toString().slice(-2000)}`);
}
