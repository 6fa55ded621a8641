import { createConnection } from 'mysql2/promise';
import { CommitOutcomeUnknownError } from '../../src/application/ports/storage-failures';
import { Transaction } from '../../src/application/ports/unit-of-work';
import { TransactionCompletedError } from '../../src/adapters/persistence/connection-knex';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { Item } from '../../src/domain/item';
import { User } from '../../src/domain/user';
import { anItemDraft } from '../support/builders/item';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aNewUser, aPosting, AT, aUserItemDraft } from './support/records';
import { recordRoundTrips, RoundTrips } from './support/round-trips';

/*
 * `Transaction.commitWith` on MariaDB: the work's last write and the COMMIT in one round trip. One connection in the
 * pool, whose round trips the tests record.
 */
describe('a work’s last write sent with its COMMIT on MariaDB', () => {
  let database: TestDatabase;
  let uow: KnexUnitOfWork;
  let roundTrips: RoundTrips;
  let user: User;
  let item: Item;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1 });
    uow = new KnexUnitOfWork(database.knex);
    roundTrips = await recordRoundTrips(database.knex);
    item = await uow.run((tx) => tx.items.upsertBySku(anItemDraft().build(), AT));
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    user = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    roundTrips.clear();
  });

  const pointsOf = async (id: number) => (await uow.read((reads) => reads.users.findById(id)))?.points;
  const userItemsOf = async (id: number) =>
    ((await database.knex('user_items').where({ user_id: id }).pluck('id')) as string[]).map(Number);
  /** Posts 100 points to the user, then issues `last` as the work's last write. */
  const postThen = (last: (tx: Transaction) => Promise<unknown>) =>
    uow.run(async (tx) => {
      await aPosting(tx, user.id);
      return last(tx);
    });

  it('sends the last write and the COMMIT in one round trip, and answers the write', async () => {
    const written = await postThen((tx) => tx.commitWith(tx.userItems.insert(aUserItemDraft(user.id, item.id, null))));

    // The posting's round trips, then the last write's: no COMMIT on its own.
    expect(roundTrips.sent.at(-1)).toMatch(/^insert into `user_items` .*;\nCOMMIT$/s);
    expect(roundTrips.sent.filter((sql) => sql.includes('COMMIT'))).toHaveLength(1);
    expect(await userItemsOf(user.id)).toEqual([(written as { id: number }).id]);
    expect(await pointsOf(user.id)).toBe(100);
  });

  it('rolls the whole work back when that last write fails: the COMMIT after it never ran', async () => {
    const failure = await postThen((tx) =>
      tx.commitWith(tx.userItems.insert(aUserItemDraft(user.id, 999_999_999, null))),
    ).catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'ER_NO_REFERENCED_ROW_2' });
    expect(roundTrips.sent.slice(-2)).toEqual([expect.stringMatching(/;\nCOMMIT$/), 'ROLLBACK']);
    expect(await pointsOf(user.id)).toBe(0);
    expect(await userItemsOf(user.id)).toEqual([]);
  });

  it('refuses a statement the work issues after its COMMIT went out; the commit stands', async () => {
    const failure = await postThen(async (tx) => {
      await tx.commitWith(tx.userItems.insert(aUserItemDraft(user.id, item.id, null)));
      return tx.users.findById(user.id);
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TransactionCompletedError);
    expect(await pointsOf(user.id)).toBe(100);
    expect(await userItemsOf(user.id)).toHaveLength(1);
  });

  // Last: it kills the pool's one connection.
  it('answers that the outcome is unknown when the connection is lost in that round trip', async () => {
    const killer = await createConnection({ uri: database.url });
    const failure = await postThen(async (tx) => {
      // The pool's one connection, which this work holds.
      const [[connection]] = (await killer.query(
        'SELECT id FROM information_schema.PROCESSLIST WHERE db = DATABASE() AND id <> CONNECTION_ID()',
      )) as unknown as [{ id: number }[]];
      await killer.query(`KILL ${Number(connection?.id)}`);
      return tx.commitWith(tx.userItems.insert(aUserItemDraft(user.id, item.id, null)));
    })
      .catch((error: unknown) => error)
      .finally(() => killer.end());

    expect(failure).toBeInstanceOf(CommitOutcomeUnknownError);
  });
});
