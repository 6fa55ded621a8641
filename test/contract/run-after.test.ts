import { Repositories, Transaction } from '../../src/application/ports/unit-of-work';
import { inConnectionTransaction } from '../../src/adapters/persistence/connection-transaction';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { User } from '../../src/domain/user';
import { openTestMariaDb, openTestSqlite, TestDatabase } from '../support/persistence';
import { aClientRow } from './support/client-rows';
import { aNewUser, aUserItemDraft } from './support/records';
import { recordRoundTrips, RoundTrips } from './support/round-trips';

const inserted = (user: User | 'discord_id_taken'): User => {
  if (user === 'discord_id_taken') throw new Error('a new user’s Discord id was taken');
  return user;
};
/** Writes a new user named `name`: one statement. */
const aUserNamed = (name: string) => (tx: Repositories) => tx.users.insert(aNewUser({ name })).then(inserted);
const deadlock = (): Error =>
  Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });

/*
 * `UnitOfWork.runAfter`: one statement committed on its own, then a transaction. On MariaDB the statement goes in
 * front of the transaction's BEGIN, in the round trip of the work's first statements. One connection in the pool,
 * whose round trips the tests record.
 */
describe('a statement committed ahead of a transaction on MariaDB', () => {
  let database: TestDatabase;
  let uow: KnexUnitOfWork;
  let roundTrips: RoundTrips;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1 });
    uow = new KnexUnitOfWork(database.knex, { retry: { attempts: 3, firstBackoffMs: 1 } });
    roundTrips = await recordRoundTrips(database.knex);
  });
  afterAll(() => database.close());
  beforeEach(() => roundTrips.clear());

  const usersNamed = async (name: string): Promise<number> =>
    ((await database.knex('users').where({ name }).pluck('id')) as unknown[]).length;
  /** The work: a second user, issued before it awaits the first's answer; answers both. */
  const andAnother =
    (name: string) =>
    <F>(tx: Transaction, first: Promise<F>): Promise<[F, User]> =>
      Promise.all([first, tx.users.insert(aNewUser({ name })).then(inserted)]);

  it('sends it in front of BEGIN, with the work’s first statements, and answers it to the work', async () => {
    const [first, second] = await uow.runAfter(aUserNamed('ahead-1'), andAnother('work-1'));

    expect(first.name).toBe('ahead-1');
    expect(second.name).toBe('work-1');
    expect(roundTrips.sent.map((sql) => sql.split(';\n'))).toEqual([
      [expect.stringMatching(/^insert into `users` .*'ahead-1'/), 'BEGIN', expect.stringMatching(/'work-1'/)],
      ['COMMIT'],
    ]);
  });

  it('keeps it committed when the work throws and its transaction rolls back', async () => {
    const failure = await uow
      .runAfter(aUserNamed('ahead-2'), async (tx, first) => {
        await andAnother('work-2')(tx, first);
        throw new Error('refused');
      })
      .catch((error: unknown) => error);

    expect(failure).toEqual(new Error('refused'));
    expect(roundTrips.sent.at(-1)).toBe('ROLLBACK');
    expect(await usersNamed('ahead-2')).toBe(1);
    expect(await usersNamed('work-2')).toBe(0);
  });

  it('runs none of the work’s statements when it fails, and throws its failure', async () => {
    const failure = await uow
      .runAfter((tx) => tx.userItems.insert(aUserItemDraft(999_999_999, 999_999_999, null)), andAnother('work-3'))
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'ER_NO_REFERENCED_ROW_2' });
    expect(roundTrips.sent[0]).toMatch(/^insert into `user_items` .*;\nBEGIN;\ninsert into `users`/s);
    expect(await usersNamed('work-3')).toBe(0);
  });

  it('runs it once when the work runs again after a deadlock, and answers it to each run', async () => {
    const seen: User[] = [];
    const done = await uow.runAfter(aUserNamed('ahead-4'), async (tx, first) => {
      const [user] = await andAnother('work-4')(tx, first);
      seen.push(user);
      if (seen.length === 1) throw deadlock();
      return user;
    });

    expect(seen).toEqual([done, done]);
    expect(await usersNamed('ahead-4')).toBe(1);
    expect(await usersNamed('work-4')).toBe(1);
  });

  it('runs it again when the work runs again after its own deadlock', async () => {
    let runs = 0;
    const done = await uow.runAfter(
      (tx) => {
        runs += 1;
        return runs === 1 ? Promise.reject(deadlock()) : aUserNamed('ahead-5')(tx);
      },
      (_tx, first) => first,
    );

    expect(done.name).toBe('ahead-5');
    expect(runs).toBe(2);
  });

  it('refuses a statement sent ahead once the transaction has begun', async () => {
    const failure = await inConnectionTransaction(database.knex, async (trx, ahead) => {
      await trx('clients').insert(aClientRow('run-after-begun'));
      return ahead()('clients').insert(aClientRow('run-after-ahead'));
    }).catch((error: unknown) => error);

    expect((failure as Error).message).toMatch(
      / - A statement committed on its own must go out before its transaction/,
    );
    expect(await database.knex('clients').where('name', 'like', 'run-after-%').count({ n: '*' })).toEqual([{ n: '0' }]);
  });
});

describe('a statement committed ahead of a transaction on SQLite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestSqlite();
  });
  afterAll(() => database.close());

  it('is committed on its own before the transaction, and stays when the work throws', async () => {
    const uow = new KnexUnitOfWork(database.knex);
    const failure = await uow
      .runAfter(aUserNamed('ahead-sqlite'), async (tx, first) => {
        await tx.users.insert(aNewUser({ name: `after ${(await first).name}` }));
        throw new Error('refused');
      })
      .catch((error: unknown) => error);

    expect(failure).toEqual(new Error('refused'));
    expect(await database.knex('users').orderBy('id').pluck('name')).toEqual(['ahead-sqlite']);
  });
});
