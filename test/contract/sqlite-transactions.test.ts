import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { parseDatabaseUrl } from '../../src/adapters/persistence/database-url';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { User } from '../../src/domain/user';
import { openTestSqlite, TestDatabase } from '../support/persistence';
import { runTypeScriptProcess } from '../support/typescript-process';
import { aNewUser } from './support/records';

const filenameOf = (database: TestDatabase): string => {
  const location = parseDatabaseUrl(database.url);
  if (location.kind !== 'sqlite') throw new Error('not an SQLite database');
  return location.filename;
};

/** Each process's grants; a wait for another process's lock costs SQLite's busy handler up to 100 ms. */
const GRANTS_EACH = 10;
/** This test file's own connections give up quickly; the processes keep the default. */
const BUSY_TIMEOUT_MS = 100;

describe('SQLite transactions', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestSqlite({ lockTimeoutMs: BUSY_TIMEOUT_MS });
  });
  afterEach(() => database.close());

  it('take the write lock when they begin, before their first write', async () => {
    const uow = new KnexUnitOfWork(database.knex);
    const other = new Sqlite(filenameOf(database), { timeout: 0 });
    try {
      await uow.run(async (tx) => {
        await tx.users.findById(1);
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      });
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });

  it('begin again when another connection held the file past the busy timeout', async () => {
    const holder = new Sqlite(filenameOf(database));
    const failures: unknown[] = [];
    // The holder lets go once a transaction of ours gave up waiting for it; the retry then gets the lock.
    database.knex.on('query-error', (error: { code?: unknown }) => {
      failures.push(error.code);
      if (holder.inTransaction) holder.exec('ROLLBACK');
    });
    try {
      holder.exec('BEGIN IMMEDIATE');
      const newUser = aNewUser();
      await new KnexUnitOfWork(database.knex).run((tx) => tx.users.insert(newUser));
      expect(failures).toEqual(['SQLITE_BUSY']);
      expect(await new KnexUnitOfWork(database.knex).run((tx) => tx.users.findByDiscordId(newUser.discordId))).not.toBeNull();
    } finally {
      holder.close();
    }
  });

  it('keep the balance equal to the sum of the receipts when processes write the same user at once', async () => {
    const uow = new KnexUnitOfWork(database.knex);
    const user = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    // The test's own connection would hold the file's write lock in turns too; let the processes have it alone.
    await database.knex.destroy();

    const worker = join(__dirname, 'support', 'sqlite-ledger-process.ts');
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => runTypeScriptProcess(worker, [database.url, String(user.id), String(GRANTS_EACH)])),
    );
    expect(outcomes).toEqual(
      [1, 2, 3].map(() => ({ code: 0, stdout: `${GRANTS_EACH}\n`, stderr: '' })),
    );

    database.knex.initialize();
    const { points } = (await uow.run((tx) => tx.users.findById(user.id))) as User;
    const page = await uow.run((tx) => tx.receipts.listByUser(user.id, { limit: 100, beforeId: null }));
    expect(page.receipts).toHaveLength(3 * GRANTS_EACH);
    expect(points).toBe(3 * GRANTS_EACH * 7);
    expect(points).toBe(page.receipts.reduce((sum, receipt) => sum + receipt.delta, 0));
  });
});
