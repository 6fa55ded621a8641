import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionOptions } from '../../src/adapters/persistence/knex-connection';
import { runCli } from './forte-cli';
import { startServerProcess, ServerProcess } from './forte-server-process';
import { openTestMariaDb, TestDatabase } from './persistence';

/** Forte as production runs it: several `forte-cli serve` processes on one migrated MariaDB database. */
export interface ServedForte {
  database: TestDatabase;
  servers: ServerProcess[];
  /** `origin/api/v2` of each process. */
  baseUrls: string[];
  /** The token of a client created with `forte-cli clients create`. */
  token: string;
  stop(): Promise<void>;
}

export async function serveForte(
  processes: number,
  options: {
    scopes: string;
    env?: Record<string, string>;
    /** The `DATABASE_URL` process n serves (the database's own URL by default): one node of a cluster each. */
    databaseUrl?: (url: string, process: number) => string;
    /** How the test's own connection (migrations, checks) reaches the database. */
    connection?: ConnectionOptions;
  },
): Promise<ServedForte> {
  const database = await openTestMariaDb(options.connection);
  const env = { DATABASE_URL: database.url, ...options.env };
  const urlOf = options.databaseUrl ?? ((url: string) => url);
  const folder = mkdtempSync(join(tmpdir(), 'forte-served-'));
  let token: string;
  let servers: ServerProcess[];
  try {
    const created = runCli(['clients', 'create', 'storm-bot', `--scopes=${options.scopes}`, '--json'], { env });
    if (created.status !== 0) throw new Error(`clients create failed: ${created.stderr}`);
    token = (JSON.parse(created.stdout) as { token: string }).token;
    servers = await startAll(
      Array.from(
        { length: processes },
        (_, n) => () => startServerProcess(folder, { ...env, DATABASE_URL: urlOf(database.url, n) }),
      ),
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    database,
    servers,
    baseUrls: servers.map((server) => `${server.origin}/api/v2`),
    token,
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
      await database.close();
    },
  };
}

/**
 * Starts the processes side by side; when one fails to start, stops those that did (a process left running would
 * keep the test run from ever ending) and throws the first failure.
 */
async function startAll(starts: (() => Promise<ServerProcess>)[]): Promise<ServerProcess[]> {
  const outcomes = await Promise.allSettled(starts.map((start) => start()));
  const started = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed === undefined) return started;
  await Promise.all(started.map((server) => server.stop()));
  throw failed.reason;
}
