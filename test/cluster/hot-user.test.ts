import { apiRequest, RetryingBots } from '../support/retrying-bots';
import { GALERA_NODES } from './support/galera-cluster';
import { auditThrough, ForteOnCluster, serveOnCluster } from './support/forte-on-cluster';
import { registerUsers } from './support/mixed-workload';

const REQUESTS = 300;
const START = 10_000;

/** 300 at once on one balance, from three nodes whose row locks do not see each other: Galera's worst case. */
describe(`${REQUESTS} concurrent grants and deductions on one user through one process per node`, () => {
  let cluster: ForteOnCluster;
  beforeAll(async () => {
    cluster = await serveOnCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('answers each 201 or 503 BUSY with Retry-After, never 500; retried, the balance is exact', async () => {
    const bots = new RetryingBots(
      cluster.forte.servers.map((server) => server.origin),
      { failover: false },
    );
    const { token, database } = cluster.forte;
    const [user] = await registerUsers(bots, token, database.knex, 1);
    const grant = (n: number, points: number) => (origin: string) =>
      apiRequest(origin, token, 'POST', `/users/${user!.id}/points`, {
        json: { points },
        headers: { 'Idempotency-Key': `hot-${n}` },
      });
    expect((await bots.send(0, grant(-1, START))).status).toBe(201);
    const change = (n: number) => (n % 3 === 2 ? -2 : 3);

    const first = await Promise.all(
      Array.from({ length: REQUESTS }, (_, n) => grant(n, change(n))(bots.origins[n % 3]!)),
    );
    const labels = first.map((answer) =>
      answer.status === 201
        ? '201'
        : `${answer.status} ${answer.body?.error?.code} ${answer.headers.get('retry-after')}`,
    );
    const counts = Object.fromEntries(
      [...new Set(labels)].map((label) => [label, labels.filter((l) => l === label).length]),
    );
    process.stdout.write(`${REQUESTS} at once on one user through 3 nodes: ${JSON.stringify(counts)}\n`);
    expect(Object.keys(counts).filter((label) => label !== '201' && label !== '503 BUSY 1')).toEqual([]);

    // The refused ones again, with the same keys, until each is answered: every change is applied exactly once.
    await Promise.all(
      first.map(async (answer, n) => {
        if (answer.status !== 201) expect((await bots.send(n, grant(n, change(n)))).status).toBe(201);
      }),
    );
    const expected = START + Array.from({ length: REQUESTS }, (_, n) => change(n)).reduce((a, b) => a + b, 0);
    const stored = await database.knex('users').where({ id: user!.id }).first('points');
    expect(Number(stored.points)).toBe(expected);
    const [receipts] = await database.knex('receipts').where({ user_id: user!.id }).count({ n: '*' });
    expect(Number(receipts?.n)).toBe(REQUESTS + 1);
    for (const node of GALERA_NODES) expect(auditThrough(cluster, node)).toMatchObject({ ok: true, found: 0 });
  }, 180_000);
});
