import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/application/ports/clock';
import { RandomSource } from '../../src/application/ports/random-source';
import { UnitOfWork } from '../../src/application/ports/unit-of-work';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { parseConfig } from '../../src/adapters/config/config';
import { Scope } from '../../src/domain/scope';
import { openRuntime, Runtime } from '../../src/runtime';
import { startServer } from '../../src/server';
import { createTestDatabase, dropTestDatabase } from './test-database';

async function throwAwayMariaDb(): Promise<{ url: string; drop(): Promise<void> }> {
  const { name, url } = await createTestDatabase();
  return { url, drop: () => dropTestDatabase(name) };
}

export interface TestApp {
  /** e.g. http://127.0.0.1:PORT/api/v2 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  runtime: Runtime;
  uow: UnitOfWork;
  /** Registers a client the way `forte-cli clients create` does and answers its token. */
  createClient(name: string, scopes: Scope[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real Forte (composition root, Koa on a real port, knex on a fresh MariaDB database) for one test file.
 * Only time and chance may be replaced.
 */
export async function startTestApp(
  options: {
    clock?: Clock;
    random?: RandomSource;
    env?: Record<string, string>;
    sqlite?: boolean;
    /** The `DATABASE_URL` the app gets for its fresh database (e.g. through a proxy a test can cut). */
    databaseUrl?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const database = options.sqlite ? temporarySqliteDatabase() : await throwAwayMariaDb();
  const config = parseConfig({
    ACCESS_LOG: 'off',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    ...options.env,
    DATABASE_URL: options.databaseUrl?.(database.url) ?? database.url,
  });
  const runtime = await openRuntime(config, {
    migrations: 'apply',
    overrides: { clock: options.clock, random: options.random },
  });
  const server = await startServer(runtime);
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    origin,
    baseUrl: `${origin}/api/v2`,
    runtime,
    uow: new KnexUnitOfWork(runtime.database.knex, { reads: runtime.database.reads }),
    async createClient(name, scopes) {
      const result = await runtime.useCases.createClient.execute({ name, scopes });
      if (!result.ok) throw new Error(`client ${name} exists already`);
      return result.value.token;
    },
    async close() {
      await server.stop();
      await runtime.close();
      await database.drop();
    },
  };
}

/** An SQLite file in a fresh temporary folder, in place of the MariaDB database. */
function temporarySqliteDatabase(): { url: string; drop(): Promise<void> } {
  const folder = mkdtempSync(join(tmpdir(), 'forte-app-'));
  return {
    url: `sqlite:${join(folder, 'forte.sqlite')}`,
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}
