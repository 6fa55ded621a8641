import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GOACCESS = process.env.GOACCESS ?? '/usr/bin/goaccess';
export const FORTE_CLI = join(__dirname, '../src/cli/main.js');

import type { GoAccessReport } from './goaccess-report-diff';

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

export function readJson(file: string): GoAccessReport {
  return JSON.parse(readFileSync(file, 'utf8')) as GoAccessReport;
}

export function runSync(command: string, args: string[]): void {
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${command} exited with ${run.status}: ${run.stderr.toString().slice(-2000)}`);
}
