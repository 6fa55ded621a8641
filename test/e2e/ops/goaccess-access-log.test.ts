import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianProgram } from '../../support/debian-program';
import { runCli } from '../../support/forte-cli';
import { startServerProcess } from '../../support/forte-server-process';

/** The `forte` format for GoAccess, as README ("Operations") and PRODUCT.md document it. */
const GOACCESS_FORMAT = [
  `--log-format=%h %^[%d:%t %^] "%r" %s %b "%R" "%u" %T`,
  '--date-format=%d/%b/%Y',
  '--time-format=%T',
];
const goaccess = debianProgram('goaccess', 'goaccess');

interface GoAccessReport {
  general: { total_requests: number; valid_requests: number; failed_requests: number; bandwidth: number };
  status_codes: { data: { data: string; hits: { count: number } }[] };
}

describe('the access log a served Forte writes', () => {
  it('is read by GoAccess with the documented --log-format, with no invalid line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'forte-goaccess-'));
    const log = join(folder, 'access.log');
    const created = runCli(['clients', 'create', 'lara-bot', '--scopes=users:read,users:write', '--token-only'], {
      cwd: folder,
    });
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    const server = await startServerProcess(folder, { ACCESS_LOG: log, LOG_LEVEL: 'silent' });
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const requests: [string, RequestInit][] = [
      ['/health', {}],
      ['/api/v2/users', { method: 'POST', headers: auth, body: '{"discord_id": "368003617146882222", "name": "l"}' }],
      ['/api/v2/users/1', { headers: auth }],
      ['/api/v2/users/999', { headers: auth }],
      ['/api/v2/users/1', { headers: { authorization: 'Bearer wrong' } }],
      ['/api/v2/users', { method: 'POST', headers: auth, body: '{' }],
      ['/metrics', {}],
      [
        '/wp-login.php?x="quoted"&y=%00',
        { headers: { 'user-agent': 'Mozilla/5.0 "scanner" \\ caf\u00e9', referer: 'http://evil.example/"' } },
      ],
      ['/api/v2/users/1', { method: 'HEAD', headers: auth }],
      ['/api/openapi.json', {}],
    ];
    try {
      for (const [path, init] of requests) await (await fetch(`${server.origin}${path}`, init)).arrayBuffer();
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(requests.length);
    expect(lines[2]).toMatch(
      /^127\.0\.0\.1 - lara-bot \[.+\] "GET \/api\/v2\/users\/1 HTTP\/1\.1" 200 \d+ "-" "node" \d+\.\d{3}$/,
    );

    const output = join(folder, 'report.json');
    const run = spawnSync(goaccess, [log, '--no-global-config', ...GOACCESS_FORMAT, '-o', output], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(output, 'utf8')) as GoAccessReport;
    expect(report.general.failed_requests).toBe(0);
    expect(report.general.total_requests).toBe(requests.length);
    expect(report.general.valid_requests).toBe(requests.length);
    const statuses = Object.fromEntries(
      report.status_codes.data.map((group) => [group.data.slice(0, 3), group.hits.count] as const),
    );
    expect(statuses).toEqual({ '2xx': 6, '4xx': 4 });
  }, 60_000);
});
