import { startSentryEmulator, SentryEmulator } from '../../support/sentry-emulator';
import { startTestApp, TestApp } from '../../support/test-app';

describe('unexpected errors on the real server', () => {
  let sentry: SentryEmulator;
  let app: TestApp;

  beforeAll(async () => {
    sentry = await startSentryEmulator();
    app = await startTestApp({ env: { SENTRY_DSN: sentry.dsn, SENTRY_ENVIRONMENT: 'e2e' } });
  });
  afterAll(async () => {
    await app.close();
    await sentry.close();
  });

  it('answer a generic 500 and reach Sentry without the token', async () => {
    const token = await app.createClient('sentry-bot', ['users:read']);
    // A fault of Forte itself: the users table is gone from under the running server.
    await app.runtime.database.knex.raw('RENAME TABLE users TO users_gone');
    try {
      const response = await fetch(`${app.baseUrl}/users/1`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('INTERNAL_ERROR');
      expect(JSON.stringify(body)).not.toMatch(/users_gone|users/i);

      const envelope = await sentry.waitFor(/"type":"event"/);
      expect(envelope).toMatch(/"environment":"e2e"/);
      expect(envelope).toMatch(/users/);
      expect(envelope).not.toContain(token);
    } finally {
      await app.runtime.database.knex.raw('RENAME TABLE users_gone TO users');
    }
  });
});
