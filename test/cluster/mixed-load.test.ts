import { RetryingBots } from '../support/retrying-bots';
import { GALERA_NODES } from './support/galera-cluster';
import {
  auditThrough,
  ForteOnCluster,
  mirrorsConverged,
  serveOnCluster,
  throughNode,
} from './support/forte-on-cluster';
import { registerUsers, runWorkload, stockShop, unappliedOrDuplicated, Workload } from './support/mixed-workload';

const USERS = 100;
const HOT_GRANTS = 60;

describe(`a mixed load through one Forte process per Galera node (${USERS} users, ${HOT_GRANTS} hot grants)`, () => {
  let cluster: ForteOnCluster;
  let bots: RetryingBots;
  let workload: Workload;
  beforeAll(async () => {
    cluster = await serveOnCluster();
    bots = new RetryingBots(
      cluster.forte.servers.map((server) => server.origin),
      { failover: false },
    );
    const itemId = await stockShop(cluster.forte.database.knex);
    const [hot, ...users] = await registerUsers(bots, cluster.forte.token, cluster.forte.database.knex, USERS + 1);
    workload = { users, hotUserId: hot!.id, hotGrants: HOT_GRANTS, concurrency: 60 };
    const started = Date.now();
    await runWorkload(
      bots,
      {
        token: cluster.forte.token,
        xsollaSecret: cluster.emulator.secret,
        itemId,
        run: 'mixed',
        stderrOf: cluster.stderrOf,
        knex: cluster.forte.database.knex,
      },
      workload,
    );
    const seconds = (Date.now() - started) / 1000;
    const tally = bots.tally();
    process.stdout.write(
      `mixed load on Galera: ${bots.observed.length} answers in ${seconds.toFixed(1)} s ` +
        `(${(bots.observed.length / seconds).toFixed(0)}/s); ${JSON.stringify(tally)}\n`,
    );
  }, 600_000);
  afterAll(() => cluster?.stop());

  it('answers no 5xx but 503 BUSY, each retried after its Retry-After with the same key', () => {
    expect(bots.faults()).toEqual([]);
  });

  it.each(GALERA_NODES)('applied every request exactly once, as node %i holds the ledger', async (node) => {
    expect(await throughNode(cluster, node, (knex) => unappliedOrDuplicated(knex, workload))).toEqual([]);
  });

  it.each(GALERA_NODES)('passes forte-cli audit through node %i', (node) => {
    expect(auditThrough(cluster, node)).toMatchObject({ ok: true, found: 0 });
  });

  it("converges every wallet of Xsolla's mirror to its balance and empties the outbox", async () => {
    await mirrorsConverged(cluster, [workload.hotUserId, ...workload.users.map((user) => user.id)]);
  });
});
