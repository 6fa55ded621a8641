import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { parseDatabaseUrl } from '../../src/adapters/persistence/database-url';
import { StorageBusyError } from '../../src/application/ports/storage-failures';
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

/** Each process's grants. */
const GRANTS_EACH = 10;
/** This test file's own connections give up waiting for a lock quickly; the processes keep the default. */
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

  it("wait for another connection's write lock without blocking the event loop, then begin", async () => {
    const patient = await openTestSqlite({ lockTimeoutMs: 10_000 });
    const holder = new Sqlite(filenameOf(patient));
    const uow = new KnexUnitOfWork(patient.knex, { retry: { attempts: 1, firstBackoffMs: 0 }, reads: patient.reads });
    try {
      holder.exec('BEGIN IMMEDIATE');
      const newUser = aNewUser();
      let settled = false;
      const inserted = uow.run((tx) => tx.users.insert(newUser)).finally(() => (settled = true));
      // While the write waits for the lock, other work of the process goes on: the wait is not a busy wait.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await uow.read((reads) => reads.users.findByDiscordId(newUser.discordId))).toBeNull();
      expect(settled).toBe(false);
      holder.exec('ROLLBACK');
      await inserted;
      expect(await uow.read((reads) => reads.users.findByDiscordId(newUser.discordId))).not.toBeNull();
    } finally {
      holder.close();
      await patient.close();
    }
  });

  it('read without the write lock while another connection holds it, and give up a write past the timeout', async () => {
    const uow = new KnexUnitOfWork(database.knex, { retry: { attempts: 1, firstBackoffMs: 0 } });
    const user = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    const holder = new Sqlite(filenameOf(database));
    try {
      holder.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      expect(await uow.read((reads) => reads.users.findById(user.id))).toMatchObject({ id: user.id });
      expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS);
      await expect(uow.run((tx) => tx.users.lockById(user.id))).rejects.toBeInstanceOf(StorageBusyError);
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
    expect(outcomes).toEqual([1, 2, 3].map(() => ({ code: 0, stdout: `${GRANTS_EACH}\n`, stderr: '' })));

    database.knex.initialize();
    const { points } = (await uow.run((tx) => tx.users.findById(user.id))) as User;
    const page = await uow.run((tx) => tx.receipts.listByUser(user.id, { limit: 100, beforeId: null }));
    expect(page.receipts).toHaveLength(3 * GRANTS_EACH);
    expect(points).toBe(3 * GRANTS_EACH * 7);
    expect(points).toBe(page.receipts.reduce((sum, receipt) => sum + receipt.delta, 0));
  });
});
