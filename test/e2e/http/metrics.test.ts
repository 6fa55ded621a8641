import { startTestApp, TestApp } from '../../support/test-app';

describe('GET /metrics on the real server', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('exposes process metrics and request durations labelled by route template', async () => {
    const token = await app.createClient('metrics-bot', ['users:read']);
    await fetch(`${app.baseUrl}/users/12345`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${app.baseUrl}/users/12346`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${app.baseUrl}/users/12346`);
    const response = await fetch(`${app.origin}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v2/users/:id",status="404"} 2',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v2/users/:id",status="401"} 1',
    );
    expect(text).not.toContain('12345');
  });

  it('exposes the database pool of the process', async () => {
    await fetch(`${app.origin}/ready`);
    const text = await (await fetch(`${app.origin}/metrics`)).text();
    expect(text).toMatch(/^forte_db_pool_max_connections 20$/m);
    expect(text).toMatch(/^forte_db_pool_connections\{state="idle"\} [1-9]\d*$/m);
    expect(text).toMatch(/^forte_db_pool_connections\{state="used"\} 0$/m);
    expect(text).toMatch(/^forte_db_pool_pending_acquires 0$/m);
  });
});

describe('business counters on the real server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const scrape = async (): Promise<string> => (await fetch(`${app.origin}/metrics`)).text();
  const value = (text: string, series: string): number =>
    Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

  it('count what committed: grants, purchases, replays; a refused purchase counts nothing', async () => {
    const token = await app.createClient('counted-bot', ['users:write', 'points:grant', 'store:purchase']);
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${app.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const user = (await (await post('/users', { discord_id: '368003617146883333', name: 'counted' })).json()) as {
      id: number;
    };
    const item = await app.uow.run((tx) =>
      tx.items.upsertBySku(
        {
          sku: 'counted',
          name: 'c',
          description: '',
          imageUrl: null,
          price: 30,
          sellable: true,
          withdrawable: true,
          expiresAfterDays: null,
          maxPerUser: null,
        },
        new Date(),
      ),
    );

    expect((await post(`/users/${user.id}/points`, { points: 50 }, { 'Idempotency-Key': 'g1' })).status).toBe(201);
    expect((await post(`/users/${user.id}/points`, { points: 50 }, { 'Idempotency-Key': 'g1' })).status).toBe(201);
    expect((await post(`/users/${user.id}/items`, { item_id: item.id })).status).toBe(201);
    expect((await post(`/users/${user.id}/items`, { item_id: item.id })).status).toBe(409);

    const text = await scrape();
    expect(value(text, 'forte_points_granted_total{kind="grant"}')).toBe(50);
    expect(value(text, 'forte_points_deducted_total{kind="purchase"}')).toBe(30);
    expect(value(text, 'forte_purchases_total')).toBe(1);
    expect(value(text, 'forte_ledger_postings_total{kind="grant"}')).toBe(1);
    expect(value(text, 'forte_idempotent_replays_total')).toBe(1);
  });
});
