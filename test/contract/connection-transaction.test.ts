import { Knex } from 'knex';
import { TransactionCompletedError } from '../../src/adapters/persistence/connection-knex';
import { inConnectionTransaction } from '../../src/adapters/persistence/connection-transaction';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aClientRow, clientNames } from './support/client-rows';

/*
 * The MySQL unit of work's transactions: BEGIN, COMMIT and ROLLBACK sent by hand on one pooled connection
 * (connection-transaction.ts). One connection in the pool, so every transaction reuses the last one's.
 */
describe('a transaction on a pooled MariaDB connection', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1 });
  });
  afterAll(() => database.close());
  beforeEach(() => database.knex('clients').delete());

  const names = (): Promise<string[]> => clientNames(database.knex);
  const connectionId = async (trx: Knex): Promise<number> =>
    Number(((await trx.raw('SELECT CONNECTION_ID() AS id')) as [{ id: number }[]])[0][0]?.id);

  it('commits when the work resolves, on one connection for all its statements', async () => {
    const seen = await inConnectionTransaction(database.knex, async (trx) => {
      const first = await connectionId(trx);
      await trx('clients').insert(aClientRow('a'));
      await trx('clients').insert(aClientRow('b'));
      return [first, await connectionId(trx)];
    });

    expect(seen[0]).toBe(seen[1]);
    expect(await names()).toEqual(['a', 'b']);
  });

  it('rolls every statement back when the work throws, and answers the work’s error', async () => {
    const failure = new Error('the work failed');
    await expect(
      inConnectionTransaction(database.knex, async (trx) => {
        await trx('clients').insert(aClientRow('a'));
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await names()).toEqual([]);
  });

  it('puts the statement in front of a failure, as knex does', async () => {
    await database.knex('clients').insert(aClientRow('a'));
    const failure = await inConnectionTransaction(database.knex, (trx) => trx('clients').insert(aClientRow('a'))).catch(
      (error: unknown) => error,
    );

    expect((failure as { code?: string }).code).toBe('ER_DUP_ENTRY');
    expect((failure as Error).message).toMatch(/^insert into `clients` .* - Duplicate entry 'a'/);
  });

  it('refuses a statement sent after the transaction completed, which never reaches the next transaction', async () => {
    let late: Knex | undefined;
    await inConnectionTransaction(database.knex, async (trx) => {
      late = trx;
      await trx('clients').insert(aClientRow('a'));
    });

    // The next transaction holds the pool's only connection while the late statement is tried.
    const next = inConnectionTransaction(database.knex, async (trx) => {
      await expect((late as Knex)('clients').insert(aClientRow('late'))).rejects.toBeInstanceOf(
        TransactionCompletedError,
      );
      await trx('clients').insert(aClientRow('b'));
      throw new Error('roll the next one back');
    });

    await expect(next).rejects.toThrow('roll the next one back');
    expect(await names()).toEqual(['a']);
  });

  it('refuses a transaction opened inside another one (it would commit the outer one on the same connection)', async () => {
    await expect(
      inConnectionTransaction(database.knex, async (trx) => {
        await trx('clients').insert(aClientRow('a'));
        await trx.transaction(async () => undefined);
      }),
    ).rejects.toThrow('A transaction cannot be opened inside another one');

    expect(await names()).toEqual([]);
  });

  it('gives the connection back to the pool after a commit and after a rollback', async () => {
    const pool = database.knex.client.pool as { numUsed(): number };
    await inConnectionTransaction(database.knex, async () => undefined);
    await inConnectionTransaction(database.knex, async () => {
      throw new Error('rolled back');
    }).catch(() => undefined);

    expect(pool.numUsed()).toBe(0);
  });
});
