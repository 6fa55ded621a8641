import {
  CommitOutcomeUnknownError,
  StorageBusyError,
  StorageUnavailableError,
} from '../../src/application/ports/storage-failures';
import { Database, openDatabase } from '../../src/adapters/persistence/database';
import { ConnectionBreaker } from '../../src/adapters/persistence/connection-breaker';
import { isDatabaseReady } from '../../src/adapters/persistence/database-readiness';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { eventually } from '../support/eventually';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aNewUser } from './support/records';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';

const outcomeOf = (work: Promise<unknown>): Promise<unknown> => work.catch((error: unknown) => error);

describe('the MariaDB connection pool', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1, connectTimeoutMs: 300, lockTimeoutMs: 1000 });
  });
  afterAll(() => database.close());

  it('answers busy (503 BUSY) when every pooled connection stays at work past the wait, in bounded time', async () => {
    const uow = new KnexUnitOfWork(database.knex);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = uow.run(async () => held);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = Date.now();
    const waiter = await outcomeOf(uow.run(async () => 'ran'));
    release();
    await holder;

    expect(waiter).toBeInstanceOf(StorageBusyError);
    // The lock wait (1 s) plus the connect timeout (0.3 s), and slack for a loaded machine.
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await uow.run(async () => 'ran')).toBe('ran');
  });

  it("keeps no cache of prepared statements on its connections: knex sends none, and mysql2's takes 0.5 MiB each", async () => {
    const connection = (await database.knex.client.acquireConnection()) as {
      config: { maxPreparedStatements: number };
    };
    try {
      expect(connection.config.maxPreparedStatements).toBe(1);
    } finally {
      await database.knex.client.releaseConnection(connection);
    }
  });
});

describe('a database that goes away and comes back', () => {
  let proxy: TcpProxy;
  let database: TestDatabase;
  let throughProxy: Database;
  beforeAll(async () => {
    database = await openTestMariaDb();
    const url = new URL(database.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 3306) });
    url.port = String(proxy.port);
    throughProxy = openDatabase(url.toString(), { poolSize: 4, connectTimeoutMs: 300 });
  });
  afterAll(async () => {
    await throughProxy?.close();
    await proxy?.close();
    await database?.close();
  });

  it('fails work at once with DATABASE_UNAVAILABLE while it is away, and serves again by itself when it is back', async () => {
    const uow = new KnexUnitOfWork(throughProxy.knex);
    expect(await uow.run(async () => 'ran')).toBe('ran');

    proxy.cut();
    await eventually(async () => (await outcomeOf(uow.run(async () => 'ran'))) instanceof StorageUnavailableError);
    const started = Date.now();
    const during = await Promise.all(
      Array.from({ length: 50 }, () => outcomeOf(uow.read((reads) => reads.clients.findByTokenHash('0'.repeat(64))))),
    );
    const tookMs = Date.now() - started;

    proxy.restore();
    await eventually(async () => (await outcomeOf(uow.run(async () => 'ran'))) === 'ran', 5000);

    expect(during.filter((outcome) => !(outcome instanceof StorageUnavailableError))).toEqual([]);
    // Refused without waiting for the pool: one of them at most tries a connection (refused at once too).
    expect(tookMs).toBeLessThan(1000);
  });

  it('answers a connection lost at COMMIT as an outcome nobody knows, and runs the work no second time', async () => {
    const uow = new KnexUnitOfWork(throughProxy.knex);
    const newUser = aNewUser();
    let runs = 0;
    proxy.loseAnswerTo('COMMIT');

    const outcome = await outcomeOf(
      uow.run(async (tx) => {
        runs += 1;
        return tx.users.insert(newUser);
      }),
    );

    expect(outcome).toBeInstanceOf(CommitOutcomeUnknownError);
    expect(outcome).toBeInstanceOf(StorageUnavailableError);
    expect(runs).toBe(1);
    // This time the COMMIT was applied: the answer that says "nothing was written" would have been wrong.
    const stored = await database.knex('users').where({ discord_id: newUser.discordId }).select('id');
    expect(stored).toHaveLength(1);
  });

  it('serves again as soon as the readiness check finds the database back, not at the next try let through', async () => {
    // A clock that stands still: once the outage is noticed, no unit of work is let through to try the database.
    const breaker = new ConnectionBreaker(throughProxy.knex, () => 0);
    const database = { ...throughProxy, breaker };
    const uow = new KnexUnitOfWork(database.knex, { breaker });
    expect(await uow.run(async () => 'ran')).toBe('ran');
    // What a Galera node outside the primary component answers on a pooled connection, which stays open: no new
    // connection will open to tell the breaker the database is back.
    breaker.failed(
      Object.assign(new Error('WSREP has not yet prepared node for application use'), {
        code: 'ER_UNKNOWN_COM_ERROR',
      }),
    );
    expect(await outcomeOf(uow.run(async () => 'ran'))).toBeInstanceOf(StorageUnavailableError);

    expect(await isDatabaseReady(database)).toBe(true);
    expect(await uow.run(async () => 'ran')).toBe('ran');
  });
});
