import { StorageBusyError, StorageUnavailableError } from '../../src/application/ports/storage-failures';
import { openDatabase } from '../../src/adapters/persistence/database';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { openTestMariaDb, TestDatabase } from '../support/persistence';

describe('a MariaDB connection not handed out within DATABASE_CONNECT_TIMEOUT_MS', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1, connectTimeoutMs: 300 });
  });
  afterAll(() => database.close());

  it('is busy (503 BUSY) while every pooled connection is at work, and the waiter is refused in time', async () => {
    const uow = new KnexUnitOfWork(database.knex);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = uow.run(async () => held);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = Date.now();
    const waiter = await uow.run(async () => 'ran').catch((error: unknown) => error);
    release();
    await holder;

    expect(waiter).toBeInstanceOf(StorageBusyError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await uow.run(async () => 'ran')).toBe('ran');
  });

  it('is unavailable (503 DATABASE_UNAVAILABLE) when the server takes no connection, answered within the timeout', async () => {
    // A port nothing listens on: every connection attempt is refused.
    const nowhere = openDatabase('mysql://root@127.0.0.1:1/forte', { connectTimeoutMs: 300 });
    try {
      const uow = new KnexUnitOfWork(nowhere.knex);
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => uow.run(async () => 'ran').catch((error: unknown) => error)),
      );
      expect(answers.every((answer) => answer instanceof StorageUnavailableError)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await nowhere.close();
    }
  });
});
