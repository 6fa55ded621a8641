import { ChildProcess, spawn } from 'node:child_process';
import { FORTE_CLI } from './forte-cli';

export interface ServerProcess {
  origin: string;
  /** What the process wrote to standard error so far (its structured log). */
  stderr(): string;
  stop(): Promise<number | null>;
  /** Kills the process at once (SIGKILL), as a crash would: nothing runs to its end. */
  kill(): Promise<void>;
  /** Everything the process wrote so far, standard output and standard error (its logs and access log). */
  output(): string;
}

/**
 * `forte-cli serve` as a real process on a free port, started in `cwd` with exactly the given environment; `program`
 * is another build of forte-cli to run (an unpacked release).
 */
export async function startServerProcess(
  cwd: string,
  env: Record<string, string>,
  args: string[] = [],
  program = FORTE_CLI,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [program, 'serve', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ACCESS_LOG: 'off', ...env },
  });
  let stderr = '';
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    output += chunk.toString('utf8');
  });
  const origin = await listeningOrigin(child);
  const ended = (signal: NodeJS.Signals) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  return {
    origin,
    stderr: () => stderr,
    stop: () => ended('SIGTERM'),
    kill: async () => {
      await ended('SIGKILL');
    },
    output: () => output,
  };
}

function listeningOrigin(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`forte-cli serve exited with ${code}:\n${stderr}`)));
  });
}
