import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

export interface ChildServer {
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
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
