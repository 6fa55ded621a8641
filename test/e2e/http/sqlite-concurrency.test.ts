import Sqlite from 'better-sqlite3';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiClient } from './api-client';

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

/** Another process writing the same SQLite file must not freeze this one: reads and /health go on. */
describe('a server on SQLite while another connection holds the write lock', () => {
  let app: TestApp;
  let bot: ApiClient;
  let userId: number;
  beforeAll(async () => {
    app = await startTestApp({ sqlite: true, env: { DATABASE_LOCK_TIMEOUT_MS: '10000' } });
    bot = ApiClient.bearer(
      app.baseUrl,
      await app.createClient('sqlite-bot', ['users:read', 'users:write', 'points:grant']),
    );
    userId = (await bot.post('/users', { discord_id: '368003617146887777', name: 'lara' })).body.id;
  });
  afterAll(() => app?.close());

  it('answers /health, reads and authentication in milliseconds, and the waiting write afterwards', async () => {
    const filename = app.runtime.config.DATABASE_URL.slice('sqlite:'.length);
    const otherProcess = new Sqlite(filename);
    otherProcess.exec('BEGIN IMMEDIATE');
    let grant;
    try {
      grant = bot.post(`/users/${userId}/points`, { points: 5 });
      // The grant now waits (up to 10 s) for the lock; everything else must not: a frozen process would take that long.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const health = await timed(() => fetch(`${app.origin}/health`));
      const read = await timed(() => bot.get(`/users/${userId}`));
      expect(health.value.status).toBe(200);
      expect(read.value.status).toBe(200);
      expect(health.ms).toBeLessThan(1000);
      expect(read.ms).toBeLessThan(1000);
    } finally {
      otherProcess.exec('ROLLBACK');
      otherProcess.close();
    }
    expect((await grant).status).toBe(201);
    expect((await bot.get(`/users/${userId}`)).body.points).toBe(5);
  });
});
