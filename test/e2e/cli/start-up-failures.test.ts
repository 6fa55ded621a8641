import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/forte-cli';
import { testServerUrl } from '../../support/test-database';

const STACK_FRAME = /\n\s+at /;

/** Start-up and connection failures: one line naming the cause, exit 2, the stack only with --verbose. */
describe('forte-cli start-up failures', () => {
  const oneLine = (text: string): void => expect(text).toMatch(/^forte-cli: [^\n]+\n$/);
  const mariaDb = (change: (url: URL) => void): string => {
    const url = new URL(testServerUrl());
    change(url);
    return url.toString();
  };

  it('serve on a port in use says so and exits 2 instead of staying up', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = String((holder.address() as { port: number }).port);
    try {
      const folder = mkdtempSync(join(tmpdir(), 'forte-port-'));
      const env = { HOST: '127.0.0.1', PORT: port, ACCESS_LOG: 'off' };
      const run = runCli(['serve'], { cwd: folder, env, timeoutMs: 15_000 });
      expect(run.status).toBe(2);
      oneLine(run.stderr);
      expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(run.stderr).toMatch(/set PORT/);
    } finally {
      holder.close();
    }
  });

  it('a wrong password is one line with the password masked; --verbose adds the stack', () => {
    const env = {
      DATABASE_URL: mariaDb((url) => {
        url.password = 'not-the-password';
        url.pathname = '/forte';
      }),
    };
    const run = runCli(['clients', 'list'], { env });
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/the database mysql:\/\/[^:]+:\*\*\*@.*: Access denied .*check the user and password/);
    expect(run.stderr + run.stdout).not.toContain('not-the-password');

    const verbose = runCli(['clients', 'list', '--verbose'], { env });
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(STACK_FRAME);
    expect(verbose.stderr).not.toContain('not-the-password');
  });

  it('a missing database and a refused connection are one line each, in JSON under --json', async () => {
    const missingUrl = mariaDb((url) => (url.pathname = '/forte_no_such_db'));
    const missing = runCli(['migrate', 'status'], { env: { DATABASE_URL: missingUrl } });
    expect(missing.status).toBe(2);
    oneLine(missing.stderr);
    expect(missing.stderr).toMatch(/Unknown database 'forte_no_such_db'; create the database/);

    const closedPort = await aClosedPort();
    const refusedUrl = `mysql://forte:secret@127.0.0.1:${closedPort}/forte`;
    const refused = runCli(['clients', 'list', '--json'], { env: { DATABASE_URL: refusedUrl } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('');
    expect(JSON.parse(refused.stdout)).toEqual({
      error: {
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(
          new RegExp(
            `^cannot use the database mysql://forte:\\*{3}@127\\.0\\.0\\.1:${closedPort}/forte: .*ECONNREFUSED`,
          ),
        ),
      },
    });
  });

  it('a SQLite path that cannot be a database says which', () => {
    const folder = mkdtempSync(join(tmpdir(), 'forte-notdb-'));
    writeFileSync(join(folder, 'forte.sqlite'), 'this is not a database, it is a text file of some length'.repeat(20));
    const run = runCli(['items', 'list'], { env: { DATABASE_URL: `sqlite:${join(folder, 'forte.sqlite')}` } });
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toContain('is not a SQLite database');
  });

  it('a bad configuration names every bad key on one line', () => {
    const run = runCli(['clients', 'list'], { env: { PORT: 'eighty', DATABASE_URL: 'postgres://x/y' } });
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^forte-cli: invalid configuration: PORT: .*; DATABASE_URL: expected mysql:/);
  });
});

function aClosedPort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    }),
  );
}
