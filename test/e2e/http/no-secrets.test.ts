import { tmpdir } from 'node:os';
import { SCOPES } from '../../../src/domain/scope';
import { runCli } from '../../support/forte-cli';
import { ServerProcess, startServerProcess } from '../../support/forte-server-process';
import { openTestMariaDb, TestDatabase } from '../../support/persistence';
import { aimedFixture, sendWebhook } from '../../support/xsolla-webhooks';

const XSOLLA_SECRET = 'xsolla-secret-4f1b9c2e7d';
const METRICS_TOKEN = 'metrics-token-8a7c6e5d4b';

describe('no secret in any log line or error body', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let token: string;
  beforeAll(async () => {
    database = await openTestMariaDb();
    const env = { DATABASE_URL: database.url, XSOLLA_PROJECT_SECRET: XSOLLA_SECRET, METRICS_TOKEN };
    token = runCli(['clients', 'create', 'leaky-bot', `--scopes=${SCOPES.join(',')}`, '--token-only'], {
      env,
    }).stdout.trim();
    server = await startServerProcess(tmpdir(), {
      ...env,
      LOG_LEVEL: 'trace',
      ACCESS_LOG: 'stdout',
      RATE_LIMIT_PER_CLIENT: '30',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it("never shows a client's token, the Xsolla secret or the metrics token, whatever the requests", async () => {
    expect(token).toMatch(/^\S{20,}$/);
    const api = `${server.origin}/api/v2`;
    const bodies: string[] = [];
    const send = async (url: string, init: RequestInit = {}): Promise<number> => {
      const answer = await fetch(url, init);
      bodies.push(`${answer.status} ${JSON.stringify([...answer.headers])} ${await answer.text()}`);
      return answer.status;
    };
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
    const json = { 'content-type': 'application/json' };

    expect(await send(`${api}/items`, { headers: bearer(token) })).toBe(200);
    expect(await send(`${api}/items`, { headers: { authorization: token } })).toBe(200);
    expect(await send(`${api}/items`, { headers: bearer(`${token}x`) })).toBe(401);
    expect(await send(`${api}/items`, { headers: bearer(token.slice(0, -1)) })).toBe(401);
    // A token pasted where it does not belong: in the query string, in a body, in a path.
    expect(await send(`${api}/items?token=${token}&access_token=${token}`, { headers: bearer(token) })).toBe(422);
    expect(
      await send(`${api}/users`, {
        method: 'POST',
        headers: { ...bearer(token), ...json },
        body: JSON.stringify({ name: token }),
      }),
    ).toBe(422);
    expect(
      await send(`${api}/users`, {
        method: 'POST',
        headers: { ...bearer(token), ...json },
        body: `{"token":"${token}"`,
      }),
    ).toBe(400);
    expect(await send(`${api}/users/${token}`, { headers: bearer(token) })).toBe(422);
    expect(await send(`${api}/no-such/${token}`, { headers: bearer(token) })).toBe(404);
    expect(await send(`${server.origin}/metrics`, { headers: bearer(`${METRICS_TOKEN}x`) })).toBe(401);
    expect(await send(`${server.origin}/metrics`, { headers: bearer(METRICS_TOKEN) })).toBe(200);
    // Past the rate limit, the refusal names no token either.
    let status = 200;
    for (let n = 0; n < 40 && status !== 429; n += 1) status = await send(`${api}/items`, { headers: bearer(token) });
    expect(status).toBe(429);
    // Xsolla's webhook: signed with a wrong secret, with none, and right.
    const webhook = aimedFixture('payment', 1, '774990001');
    expect((await sendWebhook(`${api}/xsolla`, webhook, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await sendWebhook(`${api}/xsolla`, webhook, { authorization: `Signature ${XSOLLA_SECRET}` })).status).toBe(
      401,
    );
    await sendWebhook(`${api}/xsolla`, webhook, { secret: XSOLLA_SECRET });

    await server.stop();
    const logs = server.output();
    expect(logs).toMatch(/GET \/api\/v2\/items\?token=REDACTED&access_token=REDACTED HTTP/);
    expect(logs).toContain('leaky-bot');
    for (const secret of [token, XSOLLA_SECRET, METRICS_TOKEN]) {
      expect(logs.split('\n').filter((line) => line.includes(secret))).toEqual([]);
      expect(bodies.filter((body) => body.includes(secret))).toEqual([]);
    }
  });
});
