import { Knex } from 'knex';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { User } from '../../src/domain/user';
import { openTestMariaDb, openTestSqlite, TestDatabase } from '../support/persistence';
import { aNewUser, AT } from './support/records';

/** `users.created_at` as the database holds it, bypassing the driver's conversion to Date. */
const mariaDbCreatedAt = async (knex: Knex, id: number): Promise<unknown> => {
  const [rows] = (await knex.raw('SELECT CAST(created_at AS CHAR) AS stored FROM users WHERE id = ?', [id])) as [
    { stored: string }[],
  ];
  return rows[0]?.stored;
};

const sqliteCreatedAt = async (knex: Knex, id: number): Promise<unknown> => {
  const rows = (await knex.raw('SELECT created_at AS stored FROM users WHERE id = ?', [id])) as { stored: number }[];
  return rows[0]?.stored;
};

describe.each([
  { name: 'MariaDB', open: openTestMariaDb, storedCreatedAt: mariaDbCreatedAt, expected: '2026-11-25 09:30:15.123' },
  { name: 'SQLite', open: openTestSqlite, storedCreatedAt: sqliteCreatedAt, expected: AT.getTime() },
])('values stored in $name', ({ open, storedCreatedAt, expected }) => {
  let database: TestDatabase;
  let user: User;
  beforeAll(async () => {
    database = await open();
    user = (await new KnexUnitOfWork(database.knex).run((tx) => tx.users.insert(aNewUser()))) as User;
  });
  afterAll(() => database.close());

  it('keep times in UTC with milliseconds', async () => {
    expect(await storedCreatedAt(database.knex, user.id)).toEqual(expected);
  });

  it('refuse a balance beyond 2^53 instead of reading a wrong number', async () => {
    await database.knex.raw('UPDATE users SET points = 9007199254740993 WHERE id = ?', [user.id]);
    await expect(new KnexUnitOfWork(database.knex).run((tx) => tx.users.findById(user.id))).rejects.toThrow(
      /not a safe integer/,
    );
  });
});
