import knexFactory, { Knex } from 'knex';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiClient } from './api-client';

/** A request that waits past the lock wait for a row another transaction holds is told to retry: 503 BUSY. */
describe('a conflict that outlasts the wait on MariaDB', () => {
  let app: TestApp;
  let bot: ApiClient;
  let holder: Knex;
  beforeAll(async () => {
    app = await startTestApp({ env: { DATABASE_LOCK_TIMEOUT_MS: '1000' } });
    bot = ApiClient.bearer(
      app.baseUrl,
      await app.createClient('busy-bot', ['users:write', 'users:read', 'points:grant']),
    );
    holder = knexFactory({ client: 'mysql2', connection: app.runtime.config.DATABASE_URL, pool: { min: 0, max: 1 } });
  });
  afterAll(async () => {
    await holder?.destroy();
    await app?.close();
  });

  it('answers 503 BUSY with Retry-After, counts it, writes nothing; the same key then succeeds', async () => {
    const user = await bot.post('/users', { discord_id: '368003617146881234', name: 'hot' });
    const key = { 'Idempotency-Key': 'hot-user-grant' };
    const trx = await holder.transaction();
    let refused;
    try {
      await trx('users').where({ id: user.body.id }).forUpdate().first();
      refused = await bot.post(`/users/${user.body.id}/points`, { points: 10 }, key);
    } finally {
      await trx.rollback();
    }

    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({ error: { code: 'BUSY' }, message: expect.any(String) });
    expect((await bot.get(`/users/${user.body.id}`)).body.points).toBe(0);
    const metrics = await (await fetch(`${app.origin}/metrics`)).text();
    expect(metrics).toMatch(/^forte_storage_refusals_total\{code="BUSY"\} 1$/m);

    const retried = await bot.post(`/users/${user.body.id}/points`, { points: 10 }, key);
    expect(retried.status).toBe(201);
    expect(retried.body.points).toBe(10);
  });
});
