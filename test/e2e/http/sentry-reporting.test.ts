import { version } from '../../../package.json';
import { startSentryEmulator, SentryEmulator } from '../../support/sentry-emulator';
import { startTcpProxy, TcpProxy } from '../../support/tcp-proxy';
import { testServerUrl } from '../../support/test-database';
import { startTestApp, TestApp } from '../../support/test-app';

describe('unexpected errors on the real server', () => {
  let sentry: SentryEmulator;
  let app: TestApp;
  let token: string;
  let proxy: TcpProxy;

  beforeAll(async () => {
    sentry = await startSentryEmulator();
    const database = new URL(testServerUrl());
    proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 3306) });
    app = await startTestApp({
      env: { SENTRY_DSN: sentry.dsn, SENTRY_ENVIRONMENT: 'e2e', DATABASE_LOCK_TIMEOUT_MS: '1000' },
      // Through a proxy the test can cut, for DATABASE_UNAVAILABLE.
      databaseUrl: (url) => Object.assign(new URL(url), { port: String(proxy.port) }).toString(),
    });
    token = await app.createClient('sentry-bot', ['users:read', 'users:write', 'points:grant']);
  });
  afterAll(async () => {
    await app.close();
    await sentry.close();
    await proxy.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A fault of Forte itself: a table is gone from under the running server. */
  async function withoutTable<T>(table: string, work: () => Promise<T>): Promise<T> {
    await app.runtime.database.knex.raw(`RENAME TABLE ${table} TO ${table}_gone`);
    try {
      return await work();
    } finally {
      await app.runtime.database.knex.raw(`RENAME TABLE ${table}_gone TO ${table}`);
    }
  }

  it('answer a generic 500 and send one tagged event without secrets; refusals (4xx) send nothing', async () => {
    // Refusals first: had any of them been sent, it would arrive before the fault's event.
    const lara = await call('POST', '/users', { discord_id: '368003617146880001', name: 'lara' });
    expect(lara.status).toBe(201);
    expect((await call('POST', '/users', { discord_id: '368003617146880001', name: 'lara' })).status).toBe(409);
    expect((await call('GET', '/users/999999')).status).toBe(404);
    expect((await call('POST', '/users', { name: 1 })).status).toBe(422);
    expect((await fetch(`${app.baseUrl}/users/1`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);

    const email = 'lara.kim@example.com';
    const failed = await withoutTable('users', () =>
      call('POST', '/users', { discord_id: '368003617146880002', name: email }, { 'Idempotency-Key': 'idem-key-5f1e' }),
    );
    expect(failed.status).toBe(500);
    const body = (await failed.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/users_gone|users/i);

    const envelope = await sentry.waitFor(/"type":"event"/);
    expect(sentry.events()).toHaveLength(1);
    const [event] = sentry.events();
    expect(event?.environment).toBe('e2e');
    expect(event?.release).toBe(`forte@${version}`);
    expect(event?.tags).toEqual(
      expect.objectContaining({
        route: '/api/v2/users',
        method: 'POST',
        client: 'sentry-bot',
        request_id: failed.headers.get('x-request-id'),
      }),
    );
    expect(event?.exception?.values?.[0]?.value).toMatch(/users_gone|users/);
    expect(envelope).not.toContain(token);
    expect(envelope).not.toContain(email);
    expect(envelope).not.toMatch(/Bearer|idem-key-5f1e/);
  });

  it('scrub what a fault in authentication carries: neither the token nor its digest reaches Sentry', async () => {
    const before = sentry.events().length;
    const failed = await withoutTable('clients', async () => {
      const response = await fetch(`${app.baseUrl}/users/1`, {
        headers: { authorization: `Bearer forte_NeverSeenBeforeTokenValue0123456789abcdefgh` },
      });
      return { status: response.status, id: response.headers.get('x-request-id') };
    });
    expect(failed.status).toBe(500);
    const envelope = await sentry.waitFor(new RegExp(`"request_id":"${failed.id}"`));
    expect(sentry.events()).toHaveLength(before + 1);
    expect(envelope).not.toContain('NeverSeenBeforeTokenValue');
    expect(envelope).not.toMatch(/[0-9a-f]{64}/);
    expect(envelope).toContain('[Filtered]');
  });

  it('send nothing for the expected 503s, BUSY and DATABASE_UNAVAILABLE', async () => {
    const before = sentry.events().length;
    const user = (await (await call('POST', '/users', { discord_id: '368003617146880003', name: 'busy' })).json()) as {
      id: number;
    };
    const lock = await app.runtime.database.knex.transaction();
    try {
      await lock('users').where({ id: user.id }).forUpdate();
      const busy = await call('POST', `/users/${user.id}/points`, { points: 1 });
      expect(busy.status).toBe(503);
      expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('BUSY');
    } finally {
      await lock.rollback();
    }

    proxy.cut();
    try {
      const down = await call('GET', `/users/${user.id}`);
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      proxy.restore();
    }

    // A fault afterwards: had either 503 been sent, its event would have arrived first.
    const failed = await withoutTable('receipts', () => call('GET', `/users/${user.id}/receipts`));
    expect(failed.status).toBe(500);
    await sentry.waitFor(new RegExp(`"request_id":"${failed.headers.get('x-request-id')}"`));
    expect(sentry.events()).toHaveLength(before + 1);
  });
});
