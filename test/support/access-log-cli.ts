import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built program, as operators run it (`npm test` builds before jest). */
export const FORTE_CLI = join(__dirname, '../../dist/src/cli/main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runLogs(args: string[], input?: string | Buffer): CliRun {
  const run = spawnSync(process.execPath, [FORTE_CLI, 'logs', ...args], { input, maxBuffer: 1 << 28, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') };
}

export function runLogsJson(args: string[], input?: string | Buffer): CliRun & { report: any } {
  const run = runLogs([...args, '--json'], input);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : null };
}
