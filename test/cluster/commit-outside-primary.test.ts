import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { CommitOutcomeUnknownError } from '../../src/application/ports/storage-failures';
import { anItemDraft } from '../support/builders/item';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { galeraCluster, isolateNode } from './support/galera-cluster';

/**
 * A node that leaves the primary component while a transaction is open fails its COMMIT (ER_ERROR_DURING_COMMIT,
 * "Not connected to Primary Component"): in a mid-load partition that COMMIT was answered 500. Whether the rest of
 * the cluster applied the write set, the node cannot tell, so it is a commit of unknown outcome, never a fault.
 */
describe('a COMMIT on a node that left the primary component mid-transaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    await galeraCluster('up');
    // The test databases live on node 1 (the cluster set-up points TEST_DATABASE_URL at it).
    database = await openTestMariaDb();
  }, 240_000);
  afterAll(() => database?.close());

  it('is CommitOutcomeUnknownError (503, "may have been applied"), run once and never again', async () => {
    const uow = new KnexUnitOfWork(database.knex);
    let runs = 0;
    try {
      const outcome = uow.run(async (tx) => {
        runs += 1;
        await tx.items.upsertBySku(anItemDraft().with({ sku: 'partitioned' }).build(), new Date());
        // Cut off as the COMMIT goes out: it waits for the group, which the node is about to leave.
        await isolateNode(1, true);
      });
      await expect(outcome).rejects.toBeInstanceOf(CommitOutcomeUnknownError);
      await expect(outcome).rejects.toMatchObject({ cause: { code: 'ER_ERROR_DURING_COMMIT' } });
      expect(runs).toBe(1);
    } finally {
      await isolateNode(1, false);
      await galeraCluster('up');
    }
  }, 240_000);
});
