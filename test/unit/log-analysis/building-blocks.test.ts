import { ByteKeyTable } from '../../../src/adapters/log-analysis/byte-key-table';
import { WideColumn } from '../../../src/adapters/log-analysis/wide-column';
import { detectFormat } from '../../../src/adapters/log-analysis/format-detection';
import { HostTable } from '../../../src/adapters/log-analysis/host-table';
import { ipv4Number } from '../../../src/adapters/log-analysis/ip-address';
import { HTTP_PROTOCOLS, matchPrefix, matchProtocol } from '../../../src/adapters/log-analysis/http-request-line';
import { isIpAddress } from '../../../src/adapters/log-analysis/ip-address';
import { LineSplitter, MAX_LINE_BYTES } from '../../../src/adapters/log-analysis/line-splitter';
import { findTokenEnd, LogFormat } from '../../../src/adapters/log-analysis/log-format';
import { FIELD, LogRecord } from '../../../src/adapters/log-analysis/log-record';
import { decodeUrlInto } from '../../../src/adapters/log-analysis/request-key';
import { RequestKeyTable } from '../../../src/adapters/log-analysis/request-key-table';
import { RouteTemplater } from '../../../src/adapters/log-analysis/route-template';
import { RunColumn } from '../../../src/adapters/log-analysis/run-column';
import { CounterColumn } from '../../../src/adapters/log-analysis/counter-column';
import { sortInts } from '../../../src/adapters/log-analysis/int-sort';
import { collidingHashes } from '../../../src/adapters/log-analysis/colliding-hashes';
import { findFirstTokenEnd } from '../../../src/adapters/log-analysis/token-end';
import { classifyAgent } from '../../../src/adapters/log-analysis/user-agent-class';
import { parseTimeBound } from '../../../src/cli/logs/time-bound';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('route templates', () => {
  const routes = new ByteKeyTable();
  const templater = new RouteTemplater(routes);
  const route = (url: string): string => routes.text(templater.routeOf(bytes(url), 0, url.length));

  it.each([
    ['/api/v2/users/12345', '/api/v2/users/:id'],
    ['/api/v2/discords/100000000000704400/attendances', '/api/v2/discords/:id/attendances'],
    ['/api/v2/items?limit=20&cursor=5', '/api/v2/items'],
    ['/orders/3f2b8c1e-9a4d-4c7e-8b1a-2d3e4f5a6b7c', '/orders/:id'],
    ['/blobs/5f1d7a9c3e2b4a6d8c0e', '/blobs/:id'],
    ['/api/v2/', '/api/v2/'],
    ['/cafe/beef', '/cafe/beef'],
    ['/v2/users', '/v2/users'],
  ])('%s → %s', (url, template) => {
    expect(route(url)).toBe(template);
  });
});

describe('request key table', () => {
  it('gives each key one id as it grows, and past the ids its slots have room for', () => {
    const table = new RequestKeyTable();
    // Ids that fit in 8 bits rather than 24, to pass that limit within a test.
    Object.assign(table, { tagMask: ~0xff, idMask: 0xff });
    const record = new LogRecord();
    const keys = Array.from({ length: 5000 }, (_, i) => bytes(`/items/${i}|GET|HTTP/1.1`));
    const ids = [...keys, ...keys].map((key) => table.intern(key, 0, key.length, record));
    expect(ids).toEqual([...keys.keys(), ...keys.keys()]);
    expect(table.size).toBe(5000);
  });
});

describe('run columns', () => {
  it('give each id the value it was pushed with, in runs or alternating, and 0 past the last', () => {
    const values = [...Array(300).fill(5), ...Array.from({ length: 300 }, (_, i) => i % 2), 7, 7, 9];
    const column = new RunColumn();
    for (const value of values) column.push(value);
    expect(values.map((_, id) => column.get(id))).toEqual(values);
    expect([column.get(-1), column.get(values.length)]).toEqual([0, 0]);
  });

  it('count the ids from 0 on whose value is at most a given one', () => {
    const column = new RunColumn();
    expect(column.leadingAtMost(5)).toBe(0);
    for (const value of [3, 3, 4, 6, 4, 7]) column.push(value);
    expect([2, 3, 4, 5, 6, 7].map((value) => column.leadingAtMost(value))).toEqual([0, 2, 3, 3, 5, 6]);
  });
});

describe('counter columns', () => {
  it('drop the pages wholly below an id: they read 0, the rest keep their counts, and a dropped id can count again', () => {
    const column = new CounterColumn();
    const ids = [0, 65_535, 65_536, 131_071, 131_072, 200_000];
    for (const id of ids) column.add(id, id + 1);
    column.dropBelow(131_071);
    // Pages hold 65,536 ids: the second one holds 131,071, so it stays.
    expect(ids.map((id) => column.get(id))).toEqual([0, 0, 65_537, 131_072, 131_073, 200_001]);
    column.dropBelow(131_072);
    expect(ids.map((id) => column.get(id))).toEqual([0, 0, 0, 0, 131_073, 200_001]);
    column.add(3, 2);
    expect([column.get(3), column.get(4)]).toEqual([2, 0]);
  });
});

describe('line splitting', () => {
  const split = (chunks: string[]): { lines: string[]; tooLong: number[] } => {
    const lines: string[] = [];
    const tooLong: number[] = [];
    const splitter = new LineSplitter({
      line: (buf, start, end) => lines.push(buf.toString('latin1', start, end)),
      tooLong: (n) => tooLong.push(n),
    });
    for (const chunk of chunks) splitter.push(bytes(chunk));
    splitter.end();
    return { lines, tooLong };
  };

  it('joins lines cut across chunks and drops CRs', () => {
    expect(split(['ab', 'c\r\nde', 'f\n', '\ngh'])).toEqual({ lines: ['abc', 'def', '', 'gh'], tooLong: [] });
  });

  it('drops a line over the limit and goes on with the next', () => {
    const big = 'x'.repeat(MAX_LINE_BYTES / 2);
    expect(split(['a\n', big, big, 'xx', '\nb\n'])).toEqual({ lines: ['a', 'b'], tooLong: [MAX_LINE_BYTES + 2] });
  });
});

describe('addresses', () => {
  it.each([
    '1.2.3.4',
    '0.0.0.0',
    '255.255.255.255',
    '::1',
    '::',
    '2001:db8::1',
    'fe80::1:2:3:4',
    '::ffff:10.0.0.1',
    '1:2:3:4:5:6:7:8',
  ])('%s is an address', (ip) => {
    expect(isIpAddress(bytes(ip), 0, ip.length)).toBe(true);
  });

  it.each([
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.4:80',
    'host',
    '',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '12345::1',
    ':1',
  ])('%s is not', (ip) => {
    expect(isIpAddress(bytes(ip), 0, ip.length)).toBe(false);
  });

  it('keeps IPv4 hosts as numbers and any other host as bytes, each written back as it came', () => {
    const hosts = new HostTable();
    const written = ['10.0.0.1', '255.255.255.255', '0.0.0.0', '2001:db8::1', '010.0.0.1', 'name', '128.0.0.1'];
    const ids = [...written, ...written].map((host) => hosts.intern(bytes(host), 0, host.length));
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6]);
    expect(ids.slice(0, written.length).map((id) => hosts.text(id))).toEqual(written);
    expect(['1.2.3', '1.2.3.4.', '1.2.3.256', '1..2.3'].map((host) => ipv4Number(bytes(host), 0, host.length))).toEqual(
      [-1, -1, -1, -1],
    );
  });
});

describe('int sorting', () => {
  it('sorts int32s, negative ones first, as a comparison sort does', () => {
    let seed = 3;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) | 0);
    for (const length of [0, 1, 2, 1000, 100000]) {
      const values = Int32Array.from({ length }, (_, i) => (i % 7 ? random() : random() & 0xff));
      const expected = [...values].sort((x, y) => x - y);
      expect([...sortInts(Int32Array.from(values), new Int32Array(length))]).toEqual(expected);
    }
  });
});

describe('colliding hashes', () => {
  it('are the hashes more than one key has, told apart from others that share their low 16 bits', () => {
    const hashes = [0x12345678, -5, 0x7abc5678, 0x12345678, 0x0bcd5678, -5, 0x5678];
    const colliding = collidingHashes(hashes.length, (id) => hashes[id]!, new Int32Array(8), new Int32Array(8));
    expect(colliding.size).toBe(2);
    expect([0x12345678, -5].map((hash) => colliding.has(hash))).toEqual([true, true]);
    expect([0x7abc5678, 0x0bcd5678, 0x5678, 0xfffb, -4].map((hash) => colliding.has(hash))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('token ends', () => {
  it('are found four bytes at a time where the byte loop finds them, escapes and all', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: random(40) }, () => 'ab "\\'[random(5)]).join('');
      const buf = Buffer.from(`${'x'.repeat(random(8))}${text}`, 'latin1');
      const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      const start = random(buf.length + 1);
      for (const delimiter of [0x22, 0x20])
        expect(findFirstTokenEnd(view, buf, start, buf.length, delimiter)).toBe(
          findTokenEnd(buf, start, buf.length, delimiter, 1),
        );
    }
  });
});

describe('URL decoding', () => {
  /** GoAccess's decode_url, byte by byte (see decodeUrlInto). */
  const decodeByBytes = (url: Buffer): Buffer => {
    const out: number[] = [];
    for (let i = 0; i < url.length; i++) {
      let c = url[i]!;
      const hex = url.toString('latin1', i + 1, i + 3);
      if (c === 0x25 && i + 2 < url.length && /^[0-9a-f]{2}$/i.test(hex)) {
        c = parseInt(hex, 16);
        i += 2;
      }
      if (c === 0) break;
      out.push(c);
    }
    const trimmed = Buffer.from(out)
      .toString('latin1')
      .replace(/^[ \t-\r]+|[ \t-\r]+$/g, '');
    return trimmed ? Buffer.from(trimmed, 'latin1') : url;
  };

  it('copies plain words whole and decodes %XX, NULs and blanks as byte by byte', () => {
    let seed = 11;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const out = Buffer.alloc(128);
    for (let n = 0; n < 5000; n++) {
      const url = Buffer.from(Array.from({ length: random(30) }, () => 'ab%2F0 \u0000'[random(8)]).join(''), 'latin1');
      const end = decodeUrlInto(out, 3, url, 0, url.length);
      expect(out.subarray(3, end).toString('latin1')).toBe(decodeByBytes(url).toString('latin1'));
    }
  });
});

describe('request lines', () => {
  it('tell HTTP/1.0 and HTTP/1.1 apart at once, and every other protocol as the list of prefixes does', () => {
    const words = HTTP_PROTOCOLS.map((protocol) => bytes(protocol));
    const tokens = [
      'HTTP/1.1',
      'HTTP/1.0',
      'HTTP/1.1x',
      'http/1.1',
      'Http/1.0',
      'HTTP/1.2',
      'HTTP/1.',
      'HTTP/2',
      'HTTP/3.0',
    ];
    expect(tokens.map((token) => matchProtocol(bytes(token), 0, token.length))).toEqual([1, 0, 1, 1, 0, -1, -1, 2, 3]);
    expect(tokens.map((token) => matchPrefix(words, bytes(token), 0, token.length))).toEqual([
      1, 0, 1, 1, 0, -1, -1, 2, 3,
    ]);
  });
});

describe('log formats', () => {
  it('reads every field of a forte line, offset and latency included', () => {
    const text =
      '10.0.0.1 - - [01/Nov/2026:23:59:58 -0530] "POST /api/v2/xsolla HTTP/2.0" 201 42 "https://x.example/" "Xsolla/1.0" 0.125';
    const format = new LogFormat('%h %^[%d:%t %z] "%r" %s %b "%R" "%u" %T');
    const record = new LogRecord();
    expect(format.parse(record, bytes(text), 0, text.length)).toBe(true);
    expect(format.complete).toBe(true);
    expect(record).toMatchObject({
      status: 201,
      bytes: 42,
      year: 2026,
      month: 11,
      day: 1,
      hour: 23,
      minute: 59,
      second: 58,
      offsetMinutes: -330,
      latencyUs: 125000,
    });
    expect(text.slice(record.start(FIELD.url), record.end(FIELD.url)).trim()).toBe('/api/v2/xsolla');
  });

  it('refuses unknown specifiers', () => {
    expect(() => new LogFormat('%h %Q')).toThrow(/unsupported log-format specifier %Q/);
  });

  it('detects forte-json, forte, combined and common', () => {
    const combined = '1.2.3.4 - - [01/Nov/2026:10:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "curl/8"';
    const detect = (line: string): string => detectFormat([bytes(line)]);
    expect(detect(combined)).toBe('combined');
    expect(detect(`${combined} 0.002`)).toBe('forte');
    expect(detect('1.2.3.4 - - [01/Nov/2026:10:00:00 +0900] "GET / HTTP/1.1" 200 1')).toBe('common');
    expect(
      detect('{"time":"2026-11-01T10:00:00Z","remote_addr":"1.2.3.4","method":"GET","url":"/","status":200}'),
    ).toBe('forte-json');
  });
});

describe('--since / --until', () => {
  it('reads a date as the whole day and a time without offset as local', () => {
    expect(parseTimeBound('2026-11-01', 'start')).toEqual({ seconds: Date.UTC(2026, 10, 1) / 1000, local: true });
    expect(parseTimeBound('2026-11-01', 'end')).toEqual({
      seconds: Date.UTC(2026, 10, 1, 23, 59, 59) / 1000,
      local: true,
    });
    expect(parseTimeBound('2026-11-01T10:30', 'end')).toEqual({
      seconds: Date.UTC(2026, 10, 1, 10, 30, 59) / 1000,
      local: true,
    });
  });

  it('converts a time with an offset to UTC', () => {
    expect(parseTimeBound('2026-11-01T10:00:00+09:00', 'start')).toEqual({
      seconds: Date.UTC(2026, 10, 1, 1) / 1000,
      local: false,
    });
    expect(parseTimeBound('2026-11-01T01:00:00Z', 'start').seconds).toBe(Date.UTC(2026, 10, 1, 1) / 1000);
    expect(() => parseTimeBound('1 Nov 2026', 'start')).toThrow(/not an ISO 8601/);
  });

  it('refuses a date, time or offset out of range rather than rolling it over', () => {
    for (const text of ['2026-13-01', '2026-00-10', '2026-02-29', '2026-04-31', '2026-11-00'])
      expect(() => parseTimeBound(text, 'start')).toThrow(/no such date/);
    for (const text of ['2026-11-01T24:00', '2026-11-01T10:60', '2026-11-01T10:00:60'])
      expect(() => parseTimeBound(text, 'end')).toThrow(/no such time of day/);
    for (const text of ['2026-11-01T10:00+24:00', '2026-11-01T10:00-0960'])
      expect(() => parseTimeBound(text, 'start')).toThrow(/no such UTC offset/);
    expect(parseTimeBound('2028-02-29T23:59:59-09:30', 'start').seconds).toBe(
      Date.UTC(2028, 1, 29, 23, 59, 59) / 1000 + 9.5 * 3600,
    );
  });
});

describe('user agents', () => {
  it.each([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'crawler', 'Googlebot/2.1'],
    ['Googlebot/2.1 (+http://www.google.com/bot.html)', 'crawler', 'Googlebot/2.1'],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'crawler', 'bingbot/2.0'],
    ['lara-bot/2.1 (+discord)', 'bot', 'lara-bot'],
    ['python-requests/2.31.0', 'bot', 'python-requests'],
    ['curl/8.4.0', 'bot', 'curl'],
    ['Prometheus/2.45.0', 'bot', 'Prometheus'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'browser', 'Firefox'],
    ['-', 'bot', 'Unknown'],
  ])('%s is a %s (%s)', (agent, kind, client) => {
    expect(classifyAgent(agent)).toMatchObject({ kind, client });
  });
});

describe('wide columns', () => {
  it('keep sums and places up to 2^53 exactly, 4 bytes a key until one passes 2^32', () => {
    const column = new WideColumn();
    column.add(3, 4000);
    column.add(70000, 2 ** 32 - 1);
    column.add(70000, 2);
    column.add(70000, 2 ** 40);
    column.set(5, 3 * 2 ** 40 + 123456789);
    column.set(5, 7);
    expect([column.get(3), column.get(70000), column.get(5), column.get(4), column.get(10 ** 6)]).toEqual([
      4000,
      2 ** 40 + 2 ** 32 + 1,
      7,
      0,
      0,
    ]);
    expect(column['high'].filter(Boolean)).toHaveLength(2);
  });
});
