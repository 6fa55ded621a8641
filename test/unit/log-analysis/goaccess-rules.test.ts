import { analyseText } from '../../support/access-log-analysis';

/** A combined line with the given parts (defaults: one GET /a, 200, 100 bytes, on 01/Nov/2026). */
function line(
  parts: { host?: string; time?: string; request?: string; status?: string; bytes?: string; agent?: string } = {},
): string {
  const {
    host = '1.2.3.4',
    time = '01/Nov/2026:10:00:00 +0900',
    request = 'GET /a HTTP/1.1',
    status = '200',
    bytes = '100',
    agent = 'Mozilla/5.0 X',
  } = parts;
  return `${host} - - [${time}] "${request}" ${status} ${bytes} "-" "${agent}"`;
}

const general = async (...lines: string[]) =>
  (await analyseText(`${lines.join('\n')}\n`, { format: 'combined' })).general;

// Every expectation below is what GoAccess 1.7 (`--log-format=COMBINED`, Debian's default config) reported for
// the same lines when these rules were worked out.
describe('GoAccess 1.7 counting rules', () => {
  it('keys a request by URL, method and protocol, keeping the query string', async () => {
    const g = await general(
      line(),
      line({ request: 'POST /a HTTP/1.1' }),
      line({ request: 'GET /a HTTP/1.0' }),
      line({ request: 'GET /a?x=1 HTTP/1.1' }),
    );
    expect(g.unique_files).toBe(4);
  });

  it('decodes %XX once and trims the URL, so /a%20b and "/a b" are one request', async () => {
    expect(
      (await general(line({ request: 'GET /a%20b HTTP/1.1' }), line({ request: 'GET /a b HTTP/1.1' }))).unique_files,
    ).toBe(1);
    expect(
      (await general(line({ request: 'GET /a%20 HTTP/1.1' }), line({ request: 'GET /a HTTP/1.1' }))).unique_files,
    ).toBe(1);
  });

  it('matches methods and protocols as case-insensitive prefixes', async () => {
    const g = await general(
      line({ request: 'get /a HTTP/1.1' }),
      line({ request: 'GETX /a HTTP/1.1' }),
      line({ request: 'GET /a http/1.1' }),
      line({ request: 'GET /a HTTP/1.1x' }),
    );
    expect(g.unique_files).toBe(1);
    expect((await general(line({ request: 'GET /a HTTP/2' }), line({ request: 'GET /a HTTP/2.0' }))).unique_files).toBe(
      1,
    );
  });

  it('keeps a request line without a method whole, and one without a protocol as "-"', async () => {
    const g = await general(
      line({ request: '/a' }),
      line(),
      line({ request: 'FOO /a HTTP/1.1' }),
      line({ request: 'GET /b' }),
      line({ request: '-' }),
    );
    // "/a", "/a|GET|HTTP/1.1", "FOO /a HTTP/1.1", and "-" for both of the last two.
    expect(g.unique_files).toBe(4);
  });

  it('tells static files by extension at the very end, any case, longer than the extension', async () => {
    const g = await general(
      line({ request: 'GET /app.js HTTP/1.1' }),
      line({ request: 'GET /APP.JS HTTP/1.1' }),
      line({ request: 'GET /app.js?v=1 HTTP/1.1' }),
      line({ request: 'GET .js HTTP/1.1' }),
      line({ request: 'GET x.js HTTP/1.1' }),
      line({ request: 'GET /foo.txt HTTP/1.1' }),
      line({ request: 'GET /foo.json HTTP/1.1' }),
      line({ request: 'GET /foo.html HTTP/1.1' }),
    );
    expect(g.unique_static_files).toBe(4);
    expect(g.unique_files).toBe(4);
  });

  it('puts 404s in their own panel, static or not, and leaves 444 alone', async () => {
    const g = await general(line({ request: 'GET /x.png HTTP/1.1', status: '404' }), line({ status: '444' }));
    expect(g).toMatchObject({ unique_not_found: 1, unique_static_files: 0, unique_files: 1 });
  });

  it('counts a visitor per date, host and agent, never from a 4xx response', async () => {
    expect((await general(line({ status: '400' }))).unique_visitors).toBe(0);
    expect((await general(line({ status: '400' }), line())).unique_visitors).toBe(1);
    expect(
      (await general(line({ status: '404' }), line({ status: '404', time: '02/Nov/2026:10:00:00 +0900' })))
        .unique_visitors,
    ).toBe(0);
    expect((await general(line(), line({ time: '02/Nov/2026:10:00:00 +0900' }))).unique_visitors).toBe(2);
    expect((await general(line({ agent: 'A B' }), line({ agent: 'AB' }))).unique_visitors).toBe(2);
  });

  it('takes the date as written, ignoring the offset, and reads it as strptime does', async () => {
    expect(
      (await general(line({ time: '01/Nov/2026:23:30:00 +0900' }), line({ time: '01/Nov/2026:14:30:00 +0000' })))
        .unique_visitors,
    ).toBe(1);
    const g = await general(
      line(),
      line({ time: '01/nov/2026:10:00:00 +0900' }),
      line({ time: '01/November/2026:10:00:00 +0900' }),
      line({ time: '1/Nov/2026:10:00:00 +0900' }),
    );
    expect(g).toMatchObject({ valid_requests: 4, unique_visitors: 1 });
  });

  it('decodes and trims the agent for the visitor key; an empty agent is "-"', async () => {
    expect((await general(line({ agent: 'A%20B' }), line({ agent: 'A B' }))).unique_visitors).toBe(1);
    expect((await general(line({ agent: '-' }), line({ agent: '' }))).unique_visitors).toBe(1);
  });

  it('rejects bad hosts, dates, times and statuses', async () => {
    const bad = [
      line({ host: 'foo' }),
      line({ host: '1.2.3.04' }),
      line({ host: '1.2.3.4:80' }),
      line({ time: '41/Nov/2026:10:00:00 +0900' }),
      line({ time: '01/Nov/2026:25:00:00 +0900' }),
      line({ time: '01/Nov/2026:10:00 +0900' }),
      line({ status: '999' }),
      line({ status: '-' }),
      line({ status: '20' }),
      line({ status: '099' }),
      line({ status: '20x' }),
      ` ${line()}`,
      line({ request: 'GET /a"b HTTP/1.1' }),
      '1.2.3.4 - - [01/Nov/2026:10:00:00] "GET /a HTTP/1.1" 200 100 "-" "X"',
      '1.2.3.4 - - [01/Nov/2026:10:00:00 +0900] "GET /a HTTP/1.1" 200 100',
    ];
    const g = await general(line(), ...bad);
    expect(g).toMatchObject({ total_requests: bad.length + 1, failed_requests: bad.length, valid_requests: 1 });
  });

  it('accepts what GoAccess accepts: IPv6, 0200 as 200, 599, "-" bytes, trailing fields missing or extra', async () => {
    const report = await analyseText(
      [
        line({ host: '::1' }),
        line({ host: '2001:db8::1' }),
        line({ status: '0200' }),
        line({ status: '599' }),
        line({ status: '100' }),
        line({ bytes: '-' }),
        `${line()} extra`,
        '1.2.3.4 - - [01/Nov/2026:10:00:00 +0900] "GET /a HTTP/1.1" 200 100 "-"',
      ].join('\n'),
      { format: 'combined' },
    );
    expect(report.general).toMatchObject({ failed_requests: 0, valid_requests: 8, bandwidth: 700 });
    expect(report.status_codes).toEqual({ '100': 1, '200': 6, '599': 1 });
  });

  it('skips empty lines and # comments without counting them', async () => {
    expect(await general(line(), '', '# a comment', line())).toMatchObject({ total_requests: 2, valid_requests: 2 });
  });

  it('counts two request keys that collide under djb2 once, as GoAccess stores keys by that hash', async () => {
    // djb2("/Ba|GET|HTTP/1.1") = djb2("/C@|GET|HTTP/1.1"), since 'B'*33 + 'a' = 'C'*33 + '@'.
    expect(
      (await general(line({ request: 'GET /Ba HTTP/1.1' }), line({ request: 'GET /C@ HTTP/1.1' }))).unique_files,
    ).toBe(1);
    expect(
      (await general(line({ request: 'GET /Ba HTTP/1.1' }), line({ request: 'GET /Ca HTTP/1.1' }))).unique_files,
    ).toBe(2);
  });

  // As GoAccess 1.7 showed these lines (it names the not-found row /C@, the first 404, where forte-cli names it /Ba,
  // the first key seen).
  it("shows two request keys that collide under djb2 as one row in each panel, with both keys' counts", async () => {
    const { general, panels } = await analyseText(
      `${[
        line({ request: 'GET /Ba HTTP/1.1', bytes: '10' }),
        line({ request: 'GET /C@ HTTP/1.1', bytes: '20', host: '5.6.7.8' }),
        line({ request: 'GET /C@ HTTP/1.1', bytes: '40', status: '404' }),
        line({ request: 'GET /Ba HTTP/1.1', bytes: '80', status: '404' }),
        line({ request: 'GET /Ba.css HTTP/1.1', bytes: '1' }),
        line({ request: 'GET /C@.css HTTP/1.1', bytes: '2', host: '5.6.7.8' }),
      ].join('\n')}\n`,
      { format: 'combined' },
    );
    const rows = (name: 'requests' | 'static_requests' | 'not_found') =>
      panels[name].rows.map(({ data, hits, visitors, bytes }) => ({ data, hits, visitors, bytes }));
    expect(rows('requests')).toEqual([{ data: '/Ba', hits: 2, visitors: 2, bytes: 30 }]);
    expect(rows('static_requests')).toEqual([{ data: '/Ba.css', hits: 2, visitors: 2, bytes: 3 }]);
    expect(rows('not_found')).toEqual([{ data: expect.any(String), hits: 2, visitors: 0, bytes: 120 }]);
    expect(general).toMatchObject({ unique_files: 1, unique_static_files: 1, unique_not_found: 1 });
    expect(panels.requests.itemCount).toBe(1);
    expect(panels.requests.metrics.bytes).toEqual({ total: 30, avg: 30, max: 30, min: 30 });
  });
});
