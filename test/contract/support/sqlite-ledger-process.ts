/*
 * One "process" of the multi-process SQLite test: grants points to one user again and again, each time locking
 * the user, deciding with the domain and writing balance and receipt in one transaction.
 * Arguments: DATABASE_URL, user id, number of grants. Prints how many grants it made.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../../src/adapters/persistence/database';
import { KnexUnitOfWork } from '../../../src/adapters/persistence/knex-unit-of-work';
import { changeBalance } from '../../../src/domain/points';

async function main(url: string, userId: number, grants: number): Promise<void> {
  const database = openDatabase(url);
  try {
    // No retry: an SQLITE_BUSY must surface here instead of being papered over.
    const uow = new KnexUnitOfWork(database.knex, { retry: { attempts: 1, firstBackoffMs: 0 } });
    for (let n = 0; n < grants; n += 1) {
      await uow.run(async (tx) => {
        const user = await tx.users.lockById(userId);
        if (!user) throw new Error(`no user ${userId}`);
        // Holding the transaction open a moment makes the other process wait for it.
        await sleep(1);
        const decided = changeBalance(user, {
          kind: 'grant',
          delta: 7,
          reason: `grant ${process.pid}/${n}`,
          source: 'test',
          externalRef: null,
          at: new Date(),
        });
        if (!decided.ok) throw new Error(decided.failure.type);
        await tx.ledger.post(decided.value.receipt);
      });
    }
    process.stdout.write(`${grants}\n`);
  } finally {
    await database.close();
  }
}

const [url, userId, grants] = process.argv.slice(2);
main(String(url), Number(userId), Number(grants)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? `${error.message} (${String((error as { code?: unknown }).code)})` : String(error)}\n`,
  );
  process.exitCode = 1;
});
