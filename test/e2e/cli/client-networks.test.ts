import { runCliAsync } from '../../support/forte-cli';
import { eventually } from '../../support/eventually';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiClient } from '../http/api-client';

describe('forte-cli clients allow: where a client may call from', () => {
  let app: TestApp;
  let bot: ApiClient;
  // Not blocking: the server runs in this very process.
  const allow = (...args: string[]) =>
    runCliAsync(['clients', 'allow', ...args], { env: { DATABASE_URL: app.runtime.config.DATABASE_URL } });
  beforeAll(async () => {
    app = await startTestApp();
    bot = ApiClient.bearer(app.baseUrl, await app.createClient('fenced-bot', ['items:read']));
  });
  afterAll(() => app?.close());

  it('refuses the client elsewhere (403 ADDRESS_NOT_ALLOWED), admits it inside, and anywhere again with any', async () => {
    expect((await bot.get('/items')).status).toBe(200);

    const fenced = await allow('fenced-bot', '10.0.0.0/8, 203.0.113.7', '--json');
    expect(fenced.status).toBe(0);
    expect(JSON.parse(fenced.stdout)).toMatchObject({
      name: 'fenced-bot',
      allowed_networks: ['10.0.0.0/8', '203.0.113.7'],
    });
    // Every process applies it within the token lookup's age (half a second).
    await eventually(async () => (await bot.get('/items')).status === 403, 3000);
    const refused = await bot.get('/items');
    expect(refused.body.error.code).toBe('ADDRESS_NOT_ALLOWED');

    expect((await allow('fenced-bot', '127.0.0.0/8,::1')).status).toBe(0);
    await eventually(async () => (await bot.get('/items')).status === 200, 3000);

    expect((await allow('fenced-bot', '10.0.0.1')).status).toBe(0);
    await eventually(async () => (await bot.get('/items')).status === 403, 3000);
    const opened = await allow('fenced-bot', 'any');
    expect({ status: opened.status, stdout: opened.stdout, stderr: opened.stderr }).toEqual({
      status: 0,
      stdout: 'fenced-bot may call from anywhere.\n',
      stderr: '',
    });
    await eventually(async () => (await bot.get('/items')).status === 200, 3000);

    const listed = await runCliAsync(['clients', 'list', '--json'], {
      env: { DATABASE_URL: app.runtime.config.DATABASE_URL },
    });
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ name: 'fenced-bot', allowed_networks: null }),
    ]);
  }, 120_000);

  it('refuses what is not an address or a block (exit 2, nothing changed), and an unknown client', async () => {
    const bad = await allow('fenced-bot', '10.0.0.300,10.0.0.0/33');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not an IP address or CIDR block: "10.0.0.300", "10.0.0.0/33"');
    expect((await allow('fenced-bot', '')).status).toBe(2);
    expect((await bot.get('/items')).status).toBe(200);
    const unknown = await allow('no-such-bot', '10.0.0.0/8');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/no-such-bot/);
  }, 60_000);
});
