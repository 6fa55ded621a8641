import { connect } from 'node:net';
import { sendRawHttp } from '../../support/raw-http';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiClient } from './api-client';

const LIMIT = 5;

describe('protection: per-client rate limit and HTTP time limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: {
        RATE_LIMIT_PER_CLIENT: String(LIMIT),
        HTTP_HEADERS_TIMEOUT_MS: '500',
        HTTP_REQUEST_TIMEOUT_MS: '1000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      },
    });
  });
  afterAll(() => app?.close());

  it('answers a client past its limit 429 RATE_LIMITED with Retry-After; RateLimit-* on every answer; others go on', async () => {
    const busy = ApiClient.bearer(app.baseUrl, await app.createClient('busy-bot', ['items:read']));
    const calm = ApiClient.bearer(app.baseUrl, await app.createClient('calm-bot', ['items:read']));
    const stranger = ApiClient.bearer(app.baseUrl, 'not-a-token');

    // An unknown token is refused before it is counted, and counts for nobody.
    for (let n = 0; n < LIMIT + 2; n += 1) expect((await stranger.get('/items')).status).toBe(401);
    const answers = [];
    for (let n = 0; n < LIMIT + 2; n += 1) answers.push(await busy.get('/items'));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual([
      '4',
      '3',
      '2',
      '1',
      '0',
      '0',
      '0',
    ]);
    for (const answer of answers) {
      expect(answer.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    }
    const refused = answers[LIMIT]!;
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBe(Number(refused.headers.get('ratelimit-reset')));
    expect((await calm.get('/items')).status).toBe(200);
    // The open routes count nobody.
    expect((await fetch(`${app.origin}/health`)).headers.get('ratelimit-limit')).toBeNull();
  });

  it('answers 408 to a client that does not finish its headers in time, and closes the connection', async () => {
    const started = Date.now();
    const answer = await sendRawHttp(app.origin, 'GET /health HTTP/1.1\r\nHost: forte\r\nX-Slow: ', { ms: 5000 });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"MALFORMED_HTTP"');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('answers 408 to a client whose body does not arrive in time', async () => {
    const token = await app.createClient('slow-bot', ['users:write']);
    const started = Date.now();
    const answer = await sendRawHttp(
      app.origin,
      `POST /api/v2/users HTTP/1.1\r\nHost: forte\r\nAuthorization: Bearer ${token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
      { ms: 5000 },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('closes an idle keep-alive connection after the keep-alive time', async () => {
    const { hostname, port } = new URL(app.origin);
    const closedAfterMs = await new Promise<number>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write('GET /health HTTP/1.1\r\nHost: forte\r\n\r\n'));
      let answeredAt = 0;
      socket.on('data', () => (answeredAt ||= Date.now()));
      socket.on('close', () => resolve(Date.now() - answeredAt));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy());
    });
    expect(closedAfterMs).toBeGreaterThanOrEqual(200);
    expect(closedAfterMs).toBeLessThan(3000);
  });
});
