import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshBuild } from './fresh-build';

/** The built program, as operators run it (`npm test` builds before jest); a stale build fails the test file. */
export const FORTE_CLI = join(__dirname, '../../dist/src/cli/main.js');
assertFreshBuild();

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A folder with no `.env`, so a run sees only the environment the test gives it. */
const cleanFolder = mkdtempSync(join(tmpdir(), 'forte-cli-'));

export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string | Buffer; cwd?: string; timeoutMs?: number } = {},
): CliRun {
  const run = spawnSync(process.execPath, [FORTE_CLI, ...args], {
    cwd: options.cwd ?? cleanFolder,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input,
    maxBuffer: 1 << 28,
    timeout: options.timeoutMs ?? 60_000,
  });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') };
}

/** The same, without blocking: for a run that talks to a server in this very process. */
export function runCliAsync(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FORTE_CLI, ...args], {
      cwd: cleanFolder,
      env: { PATH: process.env.PATH ?? '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
