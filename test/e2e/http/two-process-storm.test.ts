import { ServedForte, serveForte } from '../../support/served-forte';
import { ApiClient } from './api-client';

const REQUESTS = 1000;

describe(`one Idempotency-Key sent ${REQUESTS} times at once to two server processes`, () => {
  let forte: ServedForte;
  let bots: ApiClient[];
  beforeAll(async () => {
    forte = await serveForte(2, { scopes: 'users:read,users:write,points:grant' });
    bots = forte.baseUrls.map((baseUrl) => ApiClient.bearer(baseUrl, forte.token));
  });
  afterAll(() => forte?.stop());

  it('grants once; every answer is the stored one or 409 IDEMPOTENCY_KEY_IN_USE, none a 5xx', async () => {
    const user = await bots[0]!.post('/users', { discord_id: '368003617146889999', name: 'storm' });
    const key = { 'Idempotency-Key': 'two-process-storm' };

    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        bots[i % 2]!.post(`/users/${user.body.id}/points`, { points: 3 }, key),
      ),
    );

    const statuses = new Map<string, number>();
    for (const answer of answers) {
      const label = answer.status === 201 ? '201' : `${answer.status} ${answer.body?.error?.code}`;
      statuses.set(label, (statuses.get(label) ?? 0) + 1);
    }
    expect([...statuses.keys()].filter((label) => label !== '201' && label !== '409 IDEMPOTENCY_KEY_IN_USE')).toEqual(
      [],
    );
    const replays = answers.filter((answer) => answer.status === 201);
    for (const replay of replays) expect(replay.body).toEqual(replays[0]?.body);
    expect((await bots[1]!.get(`/users/${user.body.id}`)).body.points).toBe(3);
    const [receipts] = await forte.database.knex('receipts').where({ user_id: user.body.id }).count({ n: '*' });
    expect(Number(receipts?.n)).toBe(1);
  }, 120_000);
});
