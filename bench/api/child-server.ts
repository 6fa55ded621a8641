import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export interface ChildServer {
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * User plus system CPU seconds the server's process used so far (Linux's /proc): per request, a figure a busy
 * machine bends far less than requests per second.
 */
export function cpuSeconds(server: ChildServer): number {
  const fields = readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Forks a compiled server script that reports `{port}` over IPC once it listens. */
export async function forkServer(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; execArgv?: string[] } = {},
): Promise<ChildServer> {
  const child = fork(script, args, {
    env: { ...process.env, ...options.env },
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error(`${script} exited before listening`);
    }),
  ])) as [{ port: number }];
  return {
    origin: `http://127.0.0.1:${message.port}`,
    process: child,
    stop: async () => {
      const exited = once(child, 'exit');
      child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      await exited;
    },
  };
}

/** Asks a Forte bench server to collect garbage and answers its resident memory in bytes. */
export async function residentMemory(server: ChildServer): Promise<number> {
  server.process.send('rss');
  const [message] = (await once(server.process, 'message')) as [{ rss: number }];
  return message.rss;
}
