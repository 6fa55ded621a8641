import { ClfLineParser } from '../../../src/adapters/log-analysis/clf-line-parser';
import { DateTimePattern } from '../../../src/adapters/log-analysis/date-time-pattern';
import { LogFormat, NAMED_LOG_FORMATS } from '../../../src/adapters/log-analysis/log-format';
import { LogRecord } from '../../../src/adapters/log-analysis/log-record';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

/** What a parse gives: its answer, fault and completeness, and every field of the record. */
function parsed(parser: { parse: LogFormat['parse']; complete: boolean; fault: unknown }, line: string) {
  const record = new LogRecord();
  const ok = parser.parse(record, bytes(line), 0, line.length);
  const { buf: _buf, spans, ...fields } = record;
  return { ok, fault: parser.fault, complete: parser.complete, spans: [...spans], ...fields };
}

/** The fast parser and the general one on `lines`; `general.parse` is watched to tell which path read each. */
function bothOn(pattern: string, lines: readonly string[]) {
  const general = new LogFormat(pattern);
  const watched = jest.spyOn(general, 'parse');
  const fast = ClfLineParser.of(general);
  const reference = new LogFormat(pattern);
  return lines.map((line) => {
    watched.mockClear();
    const got = parsed(fast, line);
    return {
      line,
      same: JSON.stringify(got) === JSON.stringify(parsed(reference, line)),
      fast: !watched.mock.calls.length,
    };
  });
}

const usual = (agent = 'curl/8.4.0', rest = '"GET /api/v2/items?a=%20b HTTP/1.1" 200 623'): string =>
  `10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] ${rest} "-" "${agent}"`;

describe('the fast parser of combined and forte lines', () => {
  it('reads the usual lines itself, with the records the general parser gives', () => {
    const lines = [
      usual(),
      usual('Mozilla/5.0 (compatible; \\"quoted\\" Wget/1.21)'),
      usual('ends in a backslash \\\\'),
      usual('', '"get /lower http/1.1" 404 -'),
      usual('-', '"OPTIONS * HTTP/1.0" 204 0'),
      usual('x', '"GET /a\\"b HTTP/2" 301 12'),
      usual('x', '"GET / HTTP/1.10" 500 1'),
      usual('x', '"GET /" 200 1'),
      usual('x', '"-" 400 0'),
      usual('x', '"" 400 0'),
      usual('x', '"GET / HTTP/1.1" +200 1'),
      `2001:db8::1f - - [31/Dec/1999:23:59:59 -0530] "POST /x HTTP/1.1" 599 99 "https://a.example/p" "a" trailing`,
      `1.2.3.4 user x [01/nov/2026:00:00:60 +0000] "HEAD /h HTTP/3" 100 0 "\\"q\\"" "b"`,
    ];
    expect(bothOn(NAMED_LOG_FORMATS.combined, lines)).toEqual(lines.map((line) => ({ line, same: true, fast: true })));
  });

  it('reads a date as the line before read it only when its bytes are the same', () => {
    const on = (date: string): string => usual().replace('01/Nov/2026', date);
    const lines = ['01/Nov/2026', '01/Nov/2026', '02/Nov/2026', '01/Nov/2026', '01/Nov/2027', '01/Dec/2026'].map(on);
    expect(bothOn(NAMED_LOG_FORMATS.combined, lines)).toEqual(lines.map((line) => ({ line, same: true, fast: true })));
    const badAfterGood = [on('01/Nov/2026'), on('32/Nov/2026'), on('01/Nox/2026'), on('01/Nov/2026')];
    expect(bothOn(NAMED_LOG_FORMATS.combined, badAfterGood).map(({ same, fast }) => ({ same, fast }))).toEqual([
      { same: true, fast: true },
      { same: true, fast: false },
      { same: true, fast: false },
      { same: true, fast: true },
    ]);
  });

  it('leaves any other line to the general parser: the same records, faults and completeness', () => {
    const lines = [
      usual('x', '"GET / HTTP/1.1" 200 abc'),
      usual('x', '"GET / HTTP/1.1" 99 1'),
      usual('x', '"GET / HTTP/1.1" 2000 1'),
      usual('x', '"GET / HTTP/1.1" - 1'),
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +09:00] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 Z] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [1/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [32/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [01/Nox/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [01/Nov/2026:24:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [01/November/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      'host.example - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '010.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "cut short',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-"',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900]',
      '10.0.0.23 - - 01/Nov/2026:09:00:00 +0900 "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23',
      '10.0.0.23\\ x - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "x"',
      '10.0.0.23 - - [01/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "only \\" escaped',
    ];
    expect(bothOn(NAMED_LOG_FORMATS.combined, lines)).toEqual(lines.map((line) => ({ line, same: true, fast: false })));
  });

  it('reads forte lines with a latency itself, and leaves those without one to the general parser', () => {
    const lines = [usual('x'), `${usual('x')} `, `${usual('x')} -`, `${usual('x')} 0.125`, `${usual('x')} 12`];
    expect(bothOn(NAMED_LOG_FORMATS.forte, lines)).toEqual(
      lines.map((line, at) => ({ line, same: true, fast: at >= 3 })),
    );
  });

  it('is used only for combined and forte with the default date and time formats', () => {
    const fast = (format: LogFormat): boolean => ClfLineParser.of(format) !== format;
    expect(fast(new LogFormat(NAMED_LOG_FORMATS.combined))).toBe(true);
    expect(fast(new LogFormat(NAMED_LOG_FORMATS.forte))).toBe(true);
    expect(fast(new LogFormat(NAMED_LOG_FORMATS.common))).toBe(false);
    expect(fast(new LogFormat(NAMED_LOG_FORMATS.combined, new DateTimePattern('%d/%m/%Y')))).toBe(false);
  });
});
