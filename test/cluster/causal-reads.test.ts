import { apiRequest, RetryingBots } from '../support/retrying-bots';
import { ForteOnCluster, serveOnCluster } from './support/forte-on-cluster';
import { registerUsers, stockShop } from './support/mixed-workload';

const USERS = 10;
const PAIRS = 30;

/**
 * A node applies the other nodes' commits a moment after they were answered; Forte's reads wait for them
 * (wsrep_sync_wait), so what one node answered is what the next node decides on.
 */
describe(`${USERS} × ${PAIRS} grants answered through one node, each followed at once by a purchase through the next`, () => {
  let cluster: ForteOnCluster;
  beforeAll(async () => {
    cluster = await serveOnCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('never refuses the purchase the grant just paid for', async () => {
    const bots = new RetryingBots(
      cluster.forte.servers.map((server) => server.origin),
      { failover: false },
    );
    const { token, database } = cluster.forte;
    const itemId = await stockShop(database.knex);
    const users = await registerUsers(bots, token, database.knex, USERS);
    const refused: string[] = [];
    await Promise.all(
      users.map(async (user, u) => {
        for (let n = 0; n < PAIRS; n += 1) {
          const granted = await bots.send(u + n, (origin) =>
            apiRequest(origin, token, 'POST', `/users/${user.id}/points`, {
              json: { points: 100 },
              headers: { 'Idempotency-Key': `pay-${u}-${n}` },
            }),
          );
          expect(granted.status).toBe(201);
          const bought = await bots.send(u + n + 1, (origin) =>
            apiRequest(origin, token, 'POST', `/users/${user.id}/items`, {
              json: { item_id: itemId },
              headers: { 'Idempotency-Key': `buy-${u}-${n}` },
            }),
          );
          if (bought.status !== 201) refused.push(`user ${u} pair ${n}: ${bought.status} ${bought.body?.error?.code}`);
        }
      }),
    );
    expect(refused).toEqual([]);
    const balances = await database
      .knex('users')
      .whereIn(
        'id',
        users.map((user) => user.id),
      )
      .select('points');
    expect(balances.map((row) => Number(row.points))).toEqual(users.map(() => 0));
  }, 180_000);
});
