import { inConnectionTransaction } from '../../src/adapters/persistence/connection-transaction';
import { openTestMariaDb, TestDatabase } from '../support/persistence';

/*
 * The MySQL client's own way to the driver (direct-mysql-client.ts): a statement goes as a string, unless its builder
 * set options for the driver, which must then reach it.
 */
describe("the MySQL client's statements", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1 });
    await database.knex('clients').insert({
      name: 'nested',
      scopes: '[]',
      token_hash: 'n'.padEnd(64, '0'),
      created_at: new Date('2026-12-02T00:00:00Z'),
    });
  });
  afterAll(() => database.close());

  const byName = (knex: TestDatabase['knex']) => knex('clients').where({ name: 'nested' }).select('name');

  it('answer as knex answers, outside a transaction and in one', async () => {
    expect(await byName(database.knex)).toEqual([{ name: 'nested' }]);
    expect(await inConnectionTransaction(database.knex, (trx) => byName(trx))).toEqual([{ name: 'nested' }]);
  });

  it("hand the builder's driver options to the driver", async () => {
    const nested = [{ clients: { name: 'nested' } }];
    expect(await byName(database.knex).options({ nestTables: true })).toEqual(nested);
    expect(await inConnectionTransaction(database.knex, (trx) => byName(trx).options({ nestTables: true }))).toEqual(
      nested,
    );
  });
});
