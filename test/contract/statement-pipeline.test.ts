import { Knex } from 'knex';
import { createConnection } from 'mysql2/promise';
import { inConnectionTransaction } from '../../src/adapters/persistence/connection-transaction';
import { StatementNotSentError } from '../../src/adapters/persistence/statement-pipeline';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aClientRow, clientNames } from './support/client-rows';
import { recordRoundTrips, RoundTrips } from './support/round-trips';

/*
 * A transaction's statements on MariaDB (statement-pipeline.ts): those its work issues together go in one round trip
 * behind the transaction's BEGIN. One connection in the pool, whose round trips (`query` calls) the tests count.
 */
describe('the statements of a transaction on a pooled MariaDB connection', () => {
  let database: TestDatabase;
  let roundTrips: RoundTrips;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1 });
    roundTrips = await recordRoundTrips(database.knex);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.knex('clients').delete();
    roundTrips.clear();
  });

  const names = (): Promise<string[]> => clientNames(database.knex);
  const count = (trx: Knex): Promise<unknown> => trx('clients').count({ n: '*' }).first();

  it('sends statements issued together in one round trip behind BEGIN, in their order, each answered its own result', async () => {
    const answers = await inConnectionTransaction(database.knex, (trx) =>
      Promise.all([trx('clients').insert(aClientRow('a')), trx('clients').insert(aClientRow('b')), count(trx)]),
    );

    expect(answers[2]).toEqual({ n: '2' });
    const [[first], [second]] = answers;
    expect(typeof first).toBe('number');
    expect(second).toBe(Number(first) + 1);
    expect(roundTrips.sent).toHaveLength(2);
    expect(roundTrips.sent[0]).toMatch(
      /^BEGIN;\ninsert into `clients` .*'a'.*;\ninsert into `clients` .*'b'.*;\nselect count/s,
    );
    expect(roundTrips.sent[1]).toBe('COMMIT');
    expect(await names()).toEqual(['a', 'b']);
  });

  it('sends a statement awaited before the next on its own round trip', async () => {
    await inConnectionTransaction(database.knex, async (trx) => {
      await trx('clients').insert(aClientRow('a'));
      await count(trx);
    });

    expect(roundTrips.sent).toHaveLength(3);
    expect(roundTrips.sent[0]).toMatch(/^BEGIN;\ninsert into `clients`/);
    expect(roundTrips.sent[1]).toMatch(/^select count/);
  });

  it('answers the failing statement its error and those after it StatementNotSentError; none of them runs', async () => {
    await database.knex('clients').insert(aClientRow('taken'));
    roundTrips.clear();
    const settled = await inConnectionTransaction(database.knex, async (trx) => {
      const answers = await Promise.allSettled([
        trx('clients').insert(aClientRow('a')),
        trx('clients').insert(aClientRow('taken')),
        trx('clients').insert(aClientRow('c')),
      ]);
      return { answers, seen: await trx('clients').orderBy('name').pluck('name') };
    });

    expect(settled.answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    const [, failing, after] = settled.answers as PromiseRejectedResult[];
    expect((failing?.reason as { code?: string }).code).toBe('ER_DUP_ENTRY');
    expect((failing?.reason as Error).message).toMatch(/^insert into `clients` .*'taken'.* - Duplicate entry 'taken'/);
    expect(after?.reason).toBeInstanceOf(StatementNotSentError);
    expect((after?.reason as Error).cause).toBe(failing?.reason);
    // The work went on in its transaction, which kept the statement before the failure: MySQL undoes only the failed one.
    expect(settled.seen).toEqual(['a', 'taken']);
    expect(await names()).toEqual(['a', 'taken']);
  });

  it('sends neither BEGIN nor COMMIT nor ROLLBACK for a transaction whose work sends no statement', async () => {
    await inConnectionTransaction(database.knex, async () => 'nothing to write');
    await inConnectionTransaction(database.knex, async () => {
      throw new Error('refused before any statement');
    }).catch(() => undefined);

    expect(roundTrips.sent).toEqual([]);
  });

  it('rolls back what the round trip wrote when the work throws after it', async () => {
    await expect(
      inConnectionTransaction(database.knex, async (trx) => {
        await Promise.all([trx('clients').insert(aClientRow('a')), trx('clients').insert(aClientRow('b'))]);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');

    expect(roundTrips.sent).toHaveLength(2);
    expect(roundTrips.sent[1]).toBe('ROLLBACK');
    expect(await names()).toEqual([]);
  });

  // Last: it kills the pool's connection, whose round trips the others count.
  it('fails every statement of a round trip with the connection’s error when the connection is lost', async () => {
    const killer = await createConnection({ uri: database.url });
    let answers: PromiseSettledResult<unknown>[] = [];
    const failure = await inConnectionTransaction(database.knex, async (trx) => {
      const [[row]] = (await trx.raw('SELECT CONNECTION_ID() AS id')) as [{ id: number }[]];
      await killer.query(`KILL ${Number(row?.id)}`);
      answers = await Promise.allSettled([trx('clients').insert(aClientRow('a')), count(trx)]);
    })
      .catch((error: unknown) => error)
      .finally(() => killer.end());

    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    for (const answer of answers as PromiseRejectedResult[]) {
      expect(answer.reason).toMatchObject({ fatal: true });
    }
    expect(failure).toMatchObject({ fatal: true });
    expect(await names()).toEqual([]);
  });
});
