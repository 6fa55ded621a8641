import { detectFormat, parserFor } from '../../../src/adapters/log-analysis/format-detection';
import { LogRecord } from '../../../src/adapters/log-analysis/log-record';
import { formatForteLine } from '../../../src/adapters/http/access-log-middleware';
import { InMemoryHttpApp, startInMemoryApp } from './in-memory-http-app';

const entry = {
  remoteAddress: '203.0.113.9',
  remoteUser: 'lara-bot',
  at: new Date('2026-11-05T07:08:09.123Z'),
  method: 'POST',
  url: '/api/v2/users/7/points',
  httpVersion: '1.1',
  status: 201,
  bytes: 234,
  referer: null,
  userAgent: 'lara-bot/2.0',
  seconds: 0.0123,
};

describe('formatForteLine', () => {
  it('writes the combined format followed by the response time in seconds with millisecond precision', () => {
    expect(formatForteLine(entry)).toBe(
      '203.0.113.9 - lara-bot [05/Nov/2026:07:08:09 +0000] "POST /api/v2/users/7/points HTTP/1.1" 201 234 "-" "lara-bot/2.0" 0.012',
    );
  });

  it('writes "-" for no user and no bytes, and escapes quotes, backslashes and non-ASCII bytes as nginx does', () => {
    const line = formatForteLine({
      ...entry,
      remoteUser: null,
      bytes: 0,
      url: '/a"b\\c',
      referer: 'https://example.com/é',
      userAgent: 'bot "x"',
    });
    expect(line).toBe(
      '203.0.113.9 - - [05/Nov/2026:07:08:09 +0000] "POST /a\\x22b\\x5Cc HTTP/1.1" 201 - "https://example.com/\\xC3\\xA9" "bot \\x22x\\x22" 0.012',
    );
  });

  it('is read back by `forte-cli logs` as the forte format, response time included', () => {
    const line = Buffer.from(formatForteLine({ ...entry, userAgent: 'bot "x"' }));
    const parser = parserFor('forte');
    const record = new LogRecord();

    expect(detectFormat([line])).toBe('forte');
    expect(parser.parse(record, line, 0, line.length)).toBe(true);
    expect(parser.complete).toBe(true);
    expect([record.status, record.bytes, record.latencyUs]).toEqual([201, 234, 12_000]);
  });
});

describe('the access-log middleware', () => {
  let app: InMemoryHttpApp;
  beforeEach(async () => {
    app = await startInMemoryApp();
  });
  afterEach(() => app.close());

  /** The line is written when the response closes, which may be just after fetch resolved. */
  async function nextLine(count: number): Promise<string> {
    while (app.accessLog.length < count) await new Promise((resolve) => setImmediate(resolve));
    return app.accessLog[count - 1] ?? '';
  }

  it('logs each request with the authenticated client, the final status and the bytes sent', async () => {
    const token = await app.createClient('lara-bot', ['users:read']);
    const answer = await fetch(`${app.baseUrl}/users/42?x=1`, {
      headers: { authorization: token, referer: 'https://panel.example', 'user-agent': 'lara-bot/2.0' },
    });
    const body = await answer.text();

    const line = await nextLine(1);
    expect(line).toMatch(
      /^127\.0\.0\.1 - lara-bot \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET \/api\/v2\/users\/42\?x=1 HTTP\/1\.1" 422 (\d+) "https:\/\/panel\.example" "lara-bot\/2\.0" \d+\.\d{3}$/,
    );
    expect(line).toContain(` 422 ${Buffer.byteLength(body)} `);
  });

  it('logs an unauthenticated request with "-" as the user', async () => {
    await (await fetch(`${app.baseUrl}/users/1`)).text();
    expect(await nextLine(1)).toMatch(
      /^127\.0\.0\.1 - - \[.*\] "GET \/api\/v2\/users\/1 HTTP\/1\.1" 401 \d+ "-" "node" /,
    );
  });
});
