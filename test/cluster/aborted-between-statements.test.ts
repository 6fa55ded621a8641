import { createConnection } from 'mysql2/promise';
import { inConnectionTransaction } from '../../src/adapters/persistence/connection-transaction';
import { StatementNotSentError } from '../../src/adapters/persistence/statement-pipeline';
import { aClientRow, clientNames } from '../contract/support/client-rows';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { galeraCluster, onNode } from './support/galera-cluster';

/**
 * A transaction on node 1 aborted by a write replicated from node 2 while it runs. Had its statements gone in one
 * multi-statement round trip, the ones after the abort would run outside the transaction and commit on their own,
 * each answered as a success (measured on this cluster: the update rolled back, the insert after it committed, the
 * round trip's COMMIT answered OK). On a Galera node each statement goes in a round trip of its own, so the next one
 * is answered the abort and nothing after it runs.
 */
describe('a transaction aborted by a replicated write between two of its statements', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    await galeraCluster('up');
    // The test databases live on node 1 (the cluster set-up points TEST_DATABASE_URL at it).
    database = await openTestMariaDb();
    await database.knex('clients').insert(aClientRow('contended'));
  }, 240_000);
  afterAll(() => database?.close());

  it('fails with the abort and writes nothing after it', async () => {
    const node2 = await createConnection({ uri: onNode(database.url, 2) });
    try {
      // Its failure may come before node 2's write is answered.
      const outcome = inConnectionTransaction(database.knex, (trx) =>
        Promise.all([
          trx('clients').where({ name: 'contended' }).update({ scopes: '["node 1"]' }),
          // Node 2's write of the same row arrives meanwhile: node 1's transaction holds its lock, and is aborted.
          trx.raw('DO SLEEP(2)'),
          trx('clients').insert(aClientRow('after the abort')),
        ]),
      ).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await node2.query(`UPDATE clients SET scopes = '["node 2"]' WHERE name = 'contended'`);

      const failure = await outcome;
      expect(failure instanceof StatementNotSentError ? failure.cause : failure).toMatchObject({
        code: 'ER_LOCK_DEADLOCK',
      });
      expect(await clientNames(database.knex)).toEqual(['contended']);
      expect(await database.knex('clients').where({ name: 'contended' }).first('scopes')).toEqual({
        scopes: '["node 2"]',
      });
    } finally {
      await node2.end();
    }
  }, 60_000);
});
