import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runLogs, runLogsJson } from '../../support/access-log-cli';
import { FORTE_CLI } from '../../support/forte-cli';

const FIXTURES = join(__dirname, '../../fixtures/access-logs');
const COMBINED = join(FIXTURES, 'combined-seed12.log');
const FORTE = join(FIXTURES, 'forte-seed13.log');
const dir = mkdtempSync(join(tmpdir(), 'forte-logs-e2e-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const combinedText = readFileSync(COMBINED, 'utf8');
const LINE = '10.0.0.1 - - [01/Nov/2026:10:00:00 +0900] "GET /api/v2/users/7 HTTP/1.1" 200 100 "-" "curl/8.4.0"';

describe('forte-cli logs (built program)', () => {
  it('reports a combined log as JSON and exits 0', () => {
    const run = runLogsJson([COMBINED]);
    expect(run.status).toBe(0);
    expect(run.report.format).toBe('combined');
    expect(run.report.general).toMatchObject({ total_requests: 5000, valid_requests: 5000, failed_requests: 0 });
    expect(run.report.routes[0]?.route).toBe('/api/v2/users/:id');
    expect(run.report.latency).toBeNull();
  });

  it('gives the same report on two threads as on one', () => {
    const one = runLogsJson([FORTE, '--threads', '1']).report;
    const two = runLogsJson([FORTE, '--threads', '2']).report;
    expect(two).toEqual(one);
    const broken = join(FIXTURES, 'combined-seed11.log');
    expect(runLogsJson([broken, '--threads', '2']).report).toEqual(runLogsJson([broken, '--threads', '1']).report);
  });

  it('detects the forte format and reports latency percentiles per route', () => {
    const run = runLogsJson([FORTE]);
    expect(run.report.format).toBe('forte');
    const users = run.report.routes.find((r) => r.route === '/api/v2/users/:id');
    const latency = users?.latency;
    expect(latency?.count).toBe(users?.hits);
    expect(latency?.p50_ms).toBeLessThanOrEqual(latency?.p99_ms ?? -1);
    expect(latency?.p99_ms).toBeLessThanOrEqual(latency?.max_ms ?? -1);
  });

  it('reads standard input, with "-" or with no file at all', () => {
    expect(runLogsJson(['-'], combinedText).report.general.total_requests).toBe(5000);
    expect(runLogsJson([], combinedText).report.general.total_requests).toBe(5000);
  });

  it('reads .gz files and adds several files together', () => {
    const gz = file('combined.log.gz', gzipSync(combinedText));
    const run = runLogsJson([gz, COMBINED]);
    expect(run.status).toBe(0);
    expect(run.report.general.total_requests).toBe(10000);
    expect(run.report.general.unique_visitors).toBe(runLogsJson([COMBINED]).report.general.unique_visitors);
  });

  it('reads a .gz file larger than one read whole, as the same lines uncompressed', () => {
    // Random paths keep it from compressing much: its compressed bytes take several reads.
    const lines = Array.from(
      { length: 40_000 },
      (_, n) =>
        `10.0.${n % 250}.${n % 200} - - [01/Nov/2026:10:${String(n % 60).padStart(2, '0')}:00 +0900] ` +
        `"GET /files/${randomBytes(24).toString('hex')} HTTP/1.1" 200 ${n % 5000} "-" "curl/8.4.0"`,
    );
    const text = `${lines.join('\n')}\n`;
    const gz = file('large.log.gz', gzipSync(text));
    // More than the reader's 1 MiB reads.
    expect(readFileSync(gz).length).toBeGreaterThan(2 ** 20);

    const run = runLogsJson([gz]);
    expect(run.status).toBe(0);
    const { inputs, ...report } = run.report;
    const { inputs: plainInputs, ...plainReport } = runLogsJson([file('large.log', text)]).report;
    expect(report).toEqual(plainReport);
    expect(inputs[0]?.lines).toBe(plainInputs[0]?.lines);
    expect(run.report.general).toMatchObject({ total_requests: 40_000, valid_requests: 40_000 });
  });

  it('prints CSV and a plain-text terminal report when piped', () => {
    const csv = runLogs([COMBINED, '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('panel,key,hits,bytes,errors_4xx,errors_5xx,extra');
    expect(csv.stdout).toContain('general,total_requests,5000');
    const text = runLogs([COMBINED]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Status codes');
    expect(text.stdout).toContain('/api/v2/users/:id');
    expect(text.stdout).not.toContain('\u001b[');
  });

  it('filters by time, path and route', () => {
    const all = runLogsJson([COMBINED]).report.general;
    const since = runLogsJson([COMBINED, '--since', '2026-11-01T10:00']).report.general;
    expect(since.excluded_hits).toBeGreaterThan(0);
    expect(since.valid_requests + since.excluded_hits).toBe(all.valid_requests);
    // The log is at +09:00: 10:00 there is 01:00 UTC.
    expect(runLogsJson([COMBINED, '--since', '2026-11-01T01:00Z']).report.general.valid_requests).toBe(
      since.valid_requests,
    );
    const until = runLogsJson([COMBINED, '--until', '2026-11-01T09:59:59']).report.general;
    expect(until.valid_requests).toBe(since.excluded_hits);
    const ignored = runLogsJson([COMBINED, '--ignore-path', '/metrics', '--ignore-path', '/static/']).report;
    expect(ignored.requests.some((r: { url: string }) => r.url.startsWith('/metrics'))).toBe(false);
    // /favicon.ico and /robots.txt are left of the static files.
    expect(ignored.general.unique_static_files).toBe(2);
    const route = runLogsJson([COMBINED, '--route', '/api/v2/discords/:id/attendances']).report;
    expect(route.routes.map((r: { route: string }) => r.route)).toEqual(['/api/v2/discords/:id/attendances']);
  });

  it('takes a GoAccess-style --log-format', () => {
    const custom = file(
      'custom.log',
      '2026-11-01 10:00:00 10.0.0.1 GET /a 200 512 0.250\n2026-11-01 10:00:01 10.0.0.2 GET /b 404 0 0.010\n',
    );
    const run = runLogsJson([custom, '--log-format', '%d %t %h %m %U %s %b %T', '--date-format', '%Y-%m-%d']);
    expect(run.status).toBe(0);
    expect(run.report.general).toMatchObject({ valid_requests: 2, bandwidth: 512, unique_not_found: 1 });
    expect(run.report.latency?.max_ms).toBeCloseTo(250, 0);
  });

  it('reads forte-json lines', () => {
    const json = file(
      'forte.jsonl',
      [
        {
          time: '2026-11-01T10:00:00.120+09:00',
          remote_addr: '10.0.0.1',
          method: 'GET',
          url: '/api/v2/users/42',
          status: 200,
          bytes: 10,
          referer: null,
          user_agent: 'lara-bot/2.1',
          response_time_ms: 12.5,
          route: '/api/v2/users/:userId',
        },
        {
          time: '2026-11-01T10:00:01.000+09:00',
          remote_addr: '10.0.0.2',
          method: 'POST',
          url: '/api/v2/xsolla',
          status: 500,
          bytes: 0,
          referer: null,
          user_agent: 'Xsolla/1.0',
          response_time_ms: 80,
        },
      ]
        .map((entry) => JSON.stringify(entry))
        .join('\n'),
    );
    const run = runLogsJson([json]);
    expect(run.report.format).toBe('forte-json');
    expect(run.report.general.valid_requests).toBe(2);
    expect(run.report.routes.map((r: { route: string }) => r.route).sort()).toEqual([
      '/api/v2/users/:userId',
      '/api/v2/xsolla',
    ]);
    expect(run.report.status_codes).toEqual({ '200': 1, '500': 1 });
  });

  it('rejects a bad --since as a usage error (exit 2)', () => {
    const run = runLogs([COMBINED, '--since', 'yesterday']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not an ISO 8601 date or time');
    // A month or day out of range is not rolled over into the next year or month.
    const rolled = runLogs([COMBINED, '--until', '2026-02-30']);
    expect(rolled.status).toBe(2);
    expect(rolled.stderr).toContain('no such date: 2026-02-30');
    expect(rolled.stdout).toBe('');
  });

  it.each([
    [['--log-format', '']],
    [['--log-format', '%h %^[%d:%t %^] "%r" %s %b', '--date-format', ' ']],
    [['--time-format', '']],
    [['--ignore-path', '']],
    [['--route', '']],
  ])('refuses an empty value (%p) rather than reading it as none or as all: exit 2', (args) => {
    const run = runLogs([COMBINED, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/expected a value that is not empty/);
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--format', 'combined', '--log-format', '%h'], /give --format or --log-format, not both/],
    [['--date-format', '%Y-%m-%d'], /--date-format and --time-format are for --log-format/],
    [['--format', 'common', '--time-format', '%T'], /--date-format and --time-format are for --log-format/],
  ])('refuses format options one of which would be ignored (%p): exit 2', (args, message) => {
    const run = runLogs([COMBINED, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it.each([
    [
      'in a folder that does not exist',
      (): string => join(dir, 'missing', 'r.html'),
      /its folder .*missing does not exist/,
    ],
    ['over a folder', (): string => dir, /it is a folder/],
    ['under a file', (): string => join(COMBINED, 'r.html'), /combined-seed12\.log is not a folder/],
  ])('refuses --html %s before reading any log (exit 2)', (_where, target, reason) => {
    for (const follow of [[], ['--follow']]) {
      const run = runLogs([COMBINED, '--html', target(), ...follow]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/cannot write the HTML report to /);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).toBe('');
    }
  });
});

describe('forte-cli logs on bad input: counts what it skipped, never crashes', () => {
  const noCrash = (stderr: string): void => expect(stderr).not.toMatch(/\n\s+at /);

  it('an empty file: a zero report and exit 2 (no line parsed)', () => {
    const run = runLogsJson([file('empty.log', '')]);
    expect(run.status).toBe(2);
    expect(run.report.general).toMatchObject({ total_requests: 0, valid_requests: 0, failed_requests: 0 });
    expect(run.stderr).toContain('no line could be parsed');
    noCrash(run.stderr);
  });

  it('a binary file: every line skipped and counted, exit 2', () => {
    const bytes = Buffer.alloc(64 * 1024);
    let state = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
    const run = runLogsJson([file('binary.bin', bytes)]);
    expect(run.status).toBe(2);
    expect(run.report.general.valid_requests).toBe(0);
    expect(run.report.general.failed_requests).toBeGreaterThan(0);
    expect(run.report.skipped.total).toBe(run.report.general.failed_requests);
    expect(run.report.skipped.samples.length).toBeGreaterThan(0);
    noCrash(run.stderr);
  });

  it('a truncated .gz: the lines before the break are reported, the break is named, exit 0', () => {
    const gz = gzipSync(combinedText);
    const run = runLogsJson([file('truncated.log.gz', gz.subarray(0, Math.floor(gz.length / 2)))]);
    expect(run.status).toBe(0);
    expect(run.report.general.valid_requests).toBeGreaterThan(1000);
    expect(run.report.general.total_requests).toBeLessThan(5000);
    expect(run.report.inputs[0]?.error).toMatch(/unexpected end of file/);
    expect(run.stderr).toMatch(/truncated\.log\.gz: .*unexpected end of file/);
    noCrash(run.stderr);
  });

  it('a 1 MB line is read like any other; a line over 4 MB is skipped as too long', () => {
    const long = LINE.replace('/api/v2/users/7', `/search?q=${'x'.repeat(1 << 20)}`);
    const huge = LINE.replace('/api/v2/users/7', `/search?q=${'y'.repeat(5 << 20)}`);
    const run = runLogsJson([file('long-lines.log', [LINE, long, huge, LINE].join('\n'))]);
    expect(run.status).toBe(0);
    expect(run.report.general).toMatchObject({
      total_requests: 4,
      valid_requests: 3,
      failed_requests: 1,
      unique_files: 2,
    });
    expect(run.report.skipped.by_reason).toEqual({ 'too-long': 1 });
  });

  it('a mixed-format file: the majority format wins, the rest is counted by reason', () => {
    const lines = combinedText.split('\n').slice(0, 100);
    const mixed = [
      ...lines,
      '10.0.0.1 - - [01/Nov/2026:10:00:00 +0900] "GET /a HTTP/1.1" 200 100',
      JSON.stringify({ time: '2026-11-01T10:00:00Z', remote_addr: '10.0.0.1', method: 'GET', url: '/a', status: 200 }),
      'Nov  1 10:00:00 host sshd[123]: Accepted publickey for root',
    ].join('\n');
    const run = runLogsJson([file('mixed.log', mixed)]);
    expect(run.status).toBe(0);
    expect(run.report.format).toBe('combined');
    expect(run.report.general).toMatchObject({ total_requests: 103, valid_requests: 100, failed_requests: 3 });
    expect(Object.values(run.report.skipped.by_reason).reduce((a: number, b) => a + (b as number), 0)).toBe(3);
    expect(run.stderr).toContain('3 of 103 lines skipped');
  });

  it('standard output that cannot be written (a full disk): the reason, no stack, exit 2', () => {
    const full = openSync('/dev/full', 'w');
    for (const output of [['--json'], []]) {
      const run = spawnSync(process.execPath, [FORTE_CLI, 'logs', COMBINED, ...output], {
        stdio: ['ignore', full, 'pipe'],
      });
      expect(run.status).toBe(2);
      expect(run.stderr.toString()).toMatch(/^forte-cli: could not write to standard output: ENOSPC[^\n]*\n$/);
    }
    closeSync(full);
  });

  it('a reader that goes away early (| head -c 10): no error, the status of the report', () => {
    // Some 1 MB of GoAccess JSON: more than a pipe holds, so writing it meets the closed pipe.
    const run = spawnSync('bash', [
      '-c',
      `"${process.execPath}" "${FORTE_CLI}" logs "${COMBINED}" --goaccess-json | head -c 10; echo " \${PIPESTATUS[0]}"`,
    ]);
    expect(run.stdout.toString()).toBe('{"general" 0\n');
    expect(run.stderr.toString()).toBe('');
  });

  it('a missing file: named on standard error, exit 2', () => {
    const run = runLogsJson([join(dir, 'no-such.log')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no-such\.log: ENOENT/);
    noCrash(run.stderr);
  });
});
