import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORTE_CLI, runCli } from '../../support/forte-cli';

const jsonLine = (stdout: string): unknown => {
  expect(stdout.split('\n')).toHaveLength(2);
  return JSON.parse(stdout);
};

describe('forte-cli conventions', () => {
  it('--version prints the version of package.json', () => {
    const packageJson = readFileSync(join(__dirname, '../../../package.json'), 'utf8');
    const { version } = JSON.parse(packageJson) as { version: string };
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });

  it('under --json a usage error is one JSON line on stdout, with the same exit code as without', () => {
    const plain = runCli(['clients', 'create', 'lara-bot', '--scopes', 'users:fly']);
    const json = runCli(['clients', 'create', 'lara-bot', '--scopes', 'users:fly', '--json']);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/^forte-cli: unknown scope\(s\) users:fly/);
    expect(json.status).toBe(2);
    expect(json.stderr).toBe('');
    expect(jsonLine(json.stdout)).toEqual({
      error: { code: 'BAD_USAGE', message: expect.stringContaining('users:fly') },
    });
  });

  it("commander's own usage errors too: an unknown option, a missing argument, an unknown command", () => {
    for (const args of [['items', 'list', '--colour'], ['clients', 'revoke'], ['refund']]) {
      const plain = runCli(args);
      expect(plain.status).toBe(2);
      expect(plain.stderr).toMatch(/^error: /);
      const json = runCli([...args, '--json']);
      expect(json.status).toBe(2);
      expect(json.stderr).toBe('');
      expect(jsonLine(json.stdout)).toEqual({
        error: { code: 'BAD_USAGE', message: expect.not.stringMatching(/^error:/) },
      });
    }
  });

  it('a file the command cannot read is a JSON failure under --json', () => {
    const run = runCli(['items', 'import', 'no-such-items.csv', '--json']);
    expect(run.status).toBe(2);
    expect(jsonLine(run.stdout)).toEqual({
      error: { code: 'BAD_USAGE', message: expect.stringMatching(/^cannot read no-such-items\.csv: ENOENT/) },
    });
  });

  it('logs --html says where it wrote the report', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'forte-html-')), 'report.html');
    const run = runCli(['logs', join(__dirname, '../../fixtures/access-logs/forte-seed13.log'), '--html', report]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`forte-cli logs: wrote the HTML report to ${report}\n`);
    expect(existsSync(report)).toBe(true);
  });

  it('serve --json prints where it listens as its first line of standard output', async () => {
    const server = spawn(process.execPath, [FORTE_CLI, 'serve', '--json'], {
      cwd: mkdtempSync(join(tmpdir(), 'forte-serve-json-')),
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ACCESS_LOG: 'off' },
    });
    try {
      const [chunk] = (await once(server.stdout, 'data')) as [Buffer];
      const firstLine = chunk.toString('utf8').split('\n')[0] ?? '';
      const { url, database } = JSON.parse(firstLine) as { url: string; database: string };
      expect(database).toBe('sqlite');
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  });
});
