import { FixedClock } from '../../support/fixed-clock';
import { TestApp } from '../../support/test-app';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { ApiClient } from './api-client';
import { ForteWithXsolla, startForteWithXsolla } from './forte-with-xsolla';
import { aDiscordId } from './discord-ids';

describe('checkout against the Xsolla emulator', () => {
  const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
  let forte: ForteWithXsolla;
  let emulator: XsollaEmulator;
  let app: TestApp;
  let bot: ApiClient;
  beforeAll(async () => {
    forte = await startForteWithXsolla({
      client: 'shop-bot',
      clock,
      webhooks: false,
      env: { XSOLLA_SANDBOX: 'true', XSOLLA_TIMEOUT_MS: '300', PUBLIC_URL: 'https://forte.example/' },
    });
    ({ emulator, app, bot } = forte);
  });
  afterAll(() => forte?.close());
  afterEach(() => emulator.recover());

  const aUser = async (): Promise<number> =>
    (await bot.post('/users', { discord_id: aDiscordId(), name: 'lara', email: 'lara@example.com' })).body.id;
  /** Follows a short link as a browser would, without following its redirect. */
  const follow = (shortUrl: string) => fetch(`${app.origin}${new URL(shortUrl).pathname}`, { redirect: 'manual' });

  it('answers a Pay Station token for the user, the page it opens and a short link under PUBLIC_URL', async () => {
    const userId = await aUser();

    const checkout = await bot.get(`/users/${userId}/xsolla/token`);

    expect(checkout.status).toBe(200);
    expect(checkout.body).toEqual({
      token: expect.any(String),
      url: `https://sandbox-secure.xsolla.com/paystation4/?token=${encodeURIComponent(checkout.body.token)}`,
      short_url: expect.stringMatching(/^https:\/\/forte\.example\/shops\/[A-Za-z0-9_-]{12}$/),
      short_url_expires_at: '2026-12-01T10:00:00.000Z',
    });
    expect(emulator.tokens.get(checkout.body.token)).toEqual({ userId: String(userId), sandbox: true });
  });

  it('redirects a valid short link to its page, and shows a clear page once it has expired', async () => {
    const checkout = await bot.get(`/users/${await aUser()}/xsolla/token`);

    const valid = await follow(checkout.body.short_url);
    expect(valid.status).toBe(302);
    expect(valid.headers.get('location')).toBe(checkout.body.url);

    clock.advance(60 * 60 * 1000);
    const expired = await follow(checkout.body.short_url);
    expect(expired.status).toBe(410);
    expect(expired.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await expired.text()).toContain('This payment link has expired');
  });

  it('shows a page for a link that never existed', async () => {
    for (const path of ['/shops/nosuchcode123', '/shops/%E2%80%94bad']) {
      const answer = await fetch(`${app.origin}${path}`, { redirect: 'manual' });
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('No such payment link');
    }
  });

  it('refuses an unknown user with 404 and a bot without payments:checkout with 403', async () => {
    expect((await bot.get('/users/987654321/xsolla/token')).body.error.code).toBe('USER_NOT_FOUND');
    const reader = ApiClient.bearer(app.baseUrl, await app.createClient('reader-bot', ['users:read']));
    expect((await reader.get(`/users/${await aUser()}/xsolla/token`)).status).toBe(403);
  });

  it('answers 503 XSOLLA_UNAVAILABLE when Xsolla fails or does not answer, never a 500', async () => {
    const userId = await aUser();
    emulator.failWith(500);
    const failing = await bot.get(`/users/${userId}/xsolla/token`);
    expect(failing.status).toBe(503);
    expect(failing.body.error).toMatchObject({
      code: 'XSOLLA_UNAVAILABLE',
      details: { reason: 'Xsolla answered 500' },
    });

    emulator.hang();
    const silent = await bot.get(`/users/${userId}/xsolla/token`);
    expect(silent.status).toBe(503);
    expect(silent.body.error.details.reason).toBe('no answer within 300 ms');
  });

  it("answers 502 XSOLLA_REJECTED when Xsolla refuses Forte's request", async () => {
    emulator.failWith(422);
    const refused = await bot.get(`/users/${await aUser()}/xsolla/token`);
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('XSOLLA_REJECTED');
  });
});
