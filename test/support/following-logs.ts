import { spawn } from 'node:child_process';
import type { AccessLogReport } from '../../src/adapters/log-analysis/access-log-report';
import { FORTE_CLI } from './forte-cli';

/** A `forte-cli logs --follow` run in the background: its JSON lines as they come, and a way to stop it. */
export interface FollowingRun {
  /** The reports printed so far (`--json`: one per interval). */
  reports(): AccessLogReport[];
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

export function startFollowing(args: string[]): FollowingRun {
  const child = spawn(process.execPath, [FORTE_CLI, 'logs', '--follow', ...args], {
    env: { PATH: process.env.PATH ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    reports: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as AccessLogReport),
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
