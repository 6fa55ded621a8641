import { Connection, createConnection } from 'mysql2';
import { StatementNotSentError, StatementPipeline } from '../../src/adapters/persistence/statement-pipeline';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aClientRow, clientNames } from './support/client-rows';

/*
 * The pipeline as it works on a Galera node (statement-pipeline.ts, `oneByOne`): each statement in a round trip of
 * its own, sent once the one before succeeded, BEGIN with the first. On a plain MariaDB connection whose round trips
 * (`query` calls) the tests record.
 */
describe('the statements of a transaction sent one by one', () => {
  let database: TestDatabase;
  let connection: Connection;
  let sent: string[];
  beforeAll(async () => {
    database = await openTestMariaDb();
    connection = createConnection({ uri: database.url, multipleStatements: true });
  });
  afterAll(async () => {
    connection.end();
    await database.close();
  });
  beforeEach(async () => {
    await database.knex('clients').delete();
    sent = [];
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    jest.spyOn(connection, 'query').mockImplementation(((sql: string, ...rest: unknown[]) => {
      sent.push(sql);
      return query(sql, ...rest);
    }) as Connection['query']);
  });
  afterEach(() => jest.restoreAllMocks());

  const insert = (name: string) => {
    const { sql, bindings } = database.knex('clients').insert(aClientRow(name)).toSQL();
    return { sql, bindings: [...bindings] };
  };

  it('sends BEGIN with the first statement, then each statement and the COMMIT alone, in their order', async () => {
    const pipeline = new StatementPipeline(connection, () => undefined, true);
    const written = Promise.all([pipeline.send(insert('a')), pipeline.send(insert('b')), pipeline.send(insert('c'))]);
    const committed = pipeline.commitWithNextRoundTrip();
    await Promise.all([written, committed]);

    expect(sent.map((sql) => sql.split(';\n').map((statement) => statement.slice(0, 20)))).toEqual([
      ['BEGIN', 'insert into `clients'],
      ['insert into `clients'],
      ['insert into `clients'],
      ['COMMIT'],
    ]);
    expect(await clientNames(database.knex)).toEqual(['a', 'b', 'c']);
  });

  it('sends nothing after a statement that failed: the ones after it are not sent', async () => {
    await database.knex('clients').insert(aClientRow('taken'));
    const pipeline = new StatementPipeline(connection, () => undefined, true);
    const answers = await Promise.allSettled([
      pipeline.send(insert('a')),
      pipeline.send(insert('taken')),
      pipeline.send(insert('c')),
    ]);
    connection.query('ROLLBACK', () => undefined);

    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    const [, failing, after] = answers as PromiseRejectedResult[];
    expect(failing?.reason).toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(after?.reason).toBeInstanceOf(StatementNotSentError);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toBe('ROLLBACK');
    expect(await clientNames(database.knex)).toEqual(['taken']);
  });
});
