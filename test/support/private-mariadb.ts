import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { freePort } from './free-port';

/**
 * A MariaDB server of the test's own (its own data directory and port, never the shared one on 3306), which the
 * test may stop and start again, as an outage would: the way to see Forte lose its database and get it back.
 */
export interface PrivateMariaDb {
  /** `mysql://root@127.0.0.1:PORT/forte`: a database created on the first start. */
  url: string;
  /** Shuts the server down (SIGTERM: it ends its sessions and stops taking connections) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory, and waits until it answers. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  remove(): Promise<void>;
}

const runAs = (): string[] => (process.getuid?.() === 0 ? ['--user=root'] : []);

export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  const folder = mkdtempSync(join(tmpdir(), 'forte-mariadb-'));
  const datadir = join(folder, 'data');
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${datadir}`, ...runAs(), '--auth-root-authentication-method=normal'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stderr}`);
  const port = await freePort();
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${join(folder, 'mariadb.sock')}`,
    `--pid-file=${join(folder, 'mariadb.pid')}`,
    `--log-error=${join(folder, 'mariadb.err')}`,
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
    '--max-connections=300',
    // The test stops it cleanly (SIGTERM), which writes everything out; no need to flush the log at every commit.
    '--innodb-flush-log-at-trx-commit=2',
    ...runAs(),
  ];
  let server: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    server = spawn('/usr/sbin/mariadbd', args, { stdio: 'ignore' });
    await answering(port, () => server?.exitCode ?? server?.signalCode ?? null);
  };
  const stop = async (): Promise<void> => {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  const admin = knexFactory({
    client: 'mysql2',
    connection: `mysql://root@127.0.0.1:${port}`,
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw('CREATE DATABASE forte CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  } finally {
    await admin.destroy();
  }
  return {
    url: `mysql://root@127.0.0.1:${port}/forte`,
    stop,
    start,
    remove: async () => {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Waits (up to a minute) until the server on the port answers a query; fails at once if it exited. */
async function answering(port: number, exited: () => number | string | null): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const probe = knexFactory({
      client: 'mysql2',
      connection: { host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 },
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 1000,
    });
    try {
      await probe.raw('SELECT 1');
      return;
    } catch (error) {
      if (exited() !== null) throw new Error(`mariadbd exited (${exited()}) before answering`);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await probe.destroy();
    }
  }
}
