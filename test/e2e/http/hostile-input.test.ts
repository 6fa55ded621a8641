import { startSentryEmulator, SentryEmulator } from '../../support/sentry-emulator';
import { sendRawHttp } from '../../support/raw-http';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiClient } from './api-client';
import { allReceipts } from './all-receipts';
import { aDiscordId } from './discord-ids';

/** Requests a hostile or broken client sends, on MariaDB, with Sentry listening for anything reported. */
describe('hostile input on MariaDB', () => {
  let sentry: SentryEmulator;
  let app: TestApp;
  let bot: ApiClient;
  let token: string;
  beforeAll(async () => {
    sentry = await startSentryEmulator();
    app = await startTestApp({ env: { SENTRY_DSN: sentry.dsn } });
    token = await app.createClient('hostile-bot', ['users:read', 'users:write', 'points:grant', 'store:purchase']);
    bot = ApiClient.bearer(app.baseUrl, token);
  });
  afterAll(async () => {
    await app?.close();
    await sentry?.close();
  });

  const newUser = async (): Promise<number> =>
    (await bot.post('/users', { discord_id: aDiscordId(), name: 'hostile' })).body.id as number;

  it('a "__proto__" key is an unknown field (422), and no prototype is touched', async () => {
    const userId = await newUser();
    const answer = await bot.request('POST', `/users/${userId}/points`, {
      raw: '{"__proto__": {"x": 1}, "points": 1}',
    });

    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'body.__proto__', message: 'unknown field' }] },
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect((await bot.get(`/users/${userId}`)).body.points).toBe(0);
  });

  it('a lone UTF-16 surrogate is refused with 422, in a name and in a reason', async () => {
    const named = await bot.request('POST', '/users', { raw: `{"discord_id": "${aDiscordId()}", "name": "\\ud800"}` });
    expect([named.status, named.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    const userId = await newUser();
    const reasoned = await bot.request('POST', `/users/${userId}/points`, {
      raw: '{"points": 5, "reason": "x\\udfff"}',
    });
    expect([reasoned.status, reasoned.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    // A well-formed pair of surrogates is an ordinary character, stored and answered the same.
    const emoji = await bot.post('/users', { discord_id: aDiscordId(), name: 'lara 🎉' });
    expect(emoji.status).toBe(201);
    expect((await bot.get(`/users/${emoji.body.id}`)).body.name).toBe('lara 🎉');
  });

  it('a purchase of an item whose SKU is 255 characters long succeeds and keeps the whole SKU in its receipt', async () => {
    const userId = await newUser();
    await bot.post(`/users/${userId}/points`, { points: 100 });
    const sku = 's'.repeat(255);
    const item = await app.uow.run((tx) =>
      tx.items.upsertBySku(
        {
          sku,
          name: 'long',
          description: '',
          imageUrl: null,
          price: 10,
          sellable: true,
          withdrawable: true,
          expiresAfterDays: null,
          maxPerUser: null,
        },
        new Date(),
      ),
    );
    const bought = await bot.post(`/users/${userId}/items`, { item_id: item.id });
    expect(bought.status).toBe(201);
    expect(bought.body.receipt.reason).toBe(`purchase ${sku}`);
  });

  it('an item whose expiry is beyond any date charges nothing: the purchase is refused before it writes', async () => {
    const userId = await newUser();
    await bot.post(`/users/${userId}/points`, { points: 100 });
    // Written past the import's bounds, as an older Forte or a hand edit could have left it.
    const [itemId] = await app.runtime.database.knex('items').insert({
      sku: 'forever',
      name: 'forever',
      description: '',
      price: 10,
      sellable: true,
      withdrawable: true,
      expires_after_days: 200_000_000,
      created_at: new Date(),
      updated_at: new Date(),
    });
    const bought = await bot.post(`/users/${userId}/items`, { item_id: itemId });
    expect(bought.status).toBe(500);
    expect((await bot.get(`/users/${userId}`)).body.points).toBe(100);
    expect(await allReceipts(bot, userId)).toHaveLength(1);
    await sentry.waitFor(/expires_after_days 200000000/);
    sentry.envelopes.length = 0;
  });

  it('a Content-Length that does not match the body is a 400 MALFORMED_HTTP, counted, never a fault', async () => {
    const userId = await newUser();
    const head = (length: number) =>
      `POST /api/v2/users/${userId}/points HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    const body = '{"points": 1}';

    // Shorter than said, then the client gives up: the body never completes.
    const cutShort = await sendRawHttp(app.origin, head(body.length + 20) + body, { halfClose: true });
    // Longer than said: the rest is read as a next request, which is no HTTP at all.
    const spillsOver = await sendRawHttp(app.origin, head(5) + body);

    for (const answer of [cutShort, spillsOver]) {
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('"MALFORMED_HTTP"');
      expect(answer).not.toMatch(/HTTP\/1\.1 5\d\d/);
    }
    expect((await bot.get(`/users/${userId}`)).body.points).toBe(0);
    const metrics = await (await fetch(`${app.origin}/metrics`)).text();
    expect(Number(/^forte_http_protocol_errors_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  });

  afterAll(() => {
    // Only the deliberate fault above may have reached Sentry.
    expect(sentry.envelopes.filter((envelope) => /"type":"event"/.test(envelope))).toEqual([]);
  });
});
