import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORTE_CLI, runCli } from '../../support/forte-cli';
import { freePort } from '../../support/free-port';
import { createTestDatabase, dropTestDatabase } from '../../support/test-database';

const SUPERVISOR = join(__dirname, '../../../deploy/forte-supervisor.js');

/** The supervisor running the built forte-cli serve, as the systemd unit runs it, with its output collected. */
/** Supervisors still running: a test that fails half-way leaves none behind (afterEach stops them). */
const running = new Set<Supervised>();

class Supervised {
  output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(
    readonly folder: string,
    env: Record<string, string> = {},
  ) {
    this.child = spawn(process.execPath, [SUPERVISOR, FORTE_CLI, 'serve'], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    running.add(this);
    void this.exited.then(() => running.delete(this));
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  /** Waits until the output has `count` matches of the pattern; answers the captures of each. */
  async waitFor(pattern: RegExp, count = 1, ms = 20_000): Promise<string[][]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = [...this.output.matchAll(new RegExp(pattern, 'g'))].map((match) => match.slice(1));
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`no ${count}× ${pattern} within ${ms} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** One GET on a connection of its own (no keep-alive): what a new client sees at that moment. */
function get(port: number, path: string): Promise<number | string> {
  return new Promise((resolve) => {
    const call = request({ host: '127.0.0.1', port, path, agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    call.on('timeout', () => call.destroy(new Error('no answer within 5 s')));
    call.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    call.end();
  });
}

/** Requests one after another until `done` resolves; answers every outcome. */
async function hammer(port: number, done: Promise<unknown>): Promise<Array<number | string>> {
  let finished = false;
  void done.finally(() => (finished = true));
  const outcomes: Array<number | string> = [];
  while (!finished) outcomes.push(await get(port, '/health'));
  return outcomes;
}

describe("deploy/forte-supervisor.js (the unit's ExecStart)", () => {
  afterEach(async () => {
    for (const supervisor of running) supervisor.signal('SIGTERM');
    await Promise.all([...running].map((supervisor) => supervisor.exited));
  }, 45_000);

  it('reloads on SIGHUP without refusing a connection, with the new .env, and stops on SIGTERM', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'forte-supervised-'));
    const port = await freePort();
    writeFileSync(join(folder, '.env'), `PORT=${port}\nHOST=127.0.0.1\nACCESS_LOG=off\n`);
    const supervisor = new Supervised(folder, { FORTE_WORKERS: '2' });
    const [[first], [second]] = (await supervisor.waitFor(/worker (\d+) listening/, 2)) as [string[], string[]];
    expect(await get(port, '/metrics')).toBe(200);

    // Metrics behind a token from now on: only a worker started after the change reads it.
    writeFileSync(join(folder, '.env'), `PORT=${port}\nHOST=127.0.0.1\nACCESS_LOG=off\nMETRICS_TOKEN=s3cret\n`);
    supervisor.signal('SIGHUP');
    const outcomes = await hammer(port, supervisor.waitFor(/forte-supervisor: reloaded/));
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.filter((outcome) => outcome !== 200)).toEqual([]);
    const listening = (await supervisor.waitFor(/worker (\d+) listening/, 4)).map(([pid]) => pid);
    expect(new Set(listening).size).toBe(4);
    expect(supervisor.output).toContain(`worker ${first} stopped`);
    expect(supervisor.output).toContain(`worker ${second} stopped`);
    expect(await get(port, '/metrics')).toBe(401);

    supervisor.signal('SIGTERM');
    expect(await supervisor.exited).toBe(0);
    expect(await get(port, '/health')).toBe('ECONNREFUSED');
  }, 60_000);

  it('keeps the running workers when the new ones cannot start, and says why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'forte-supervised-'));
    const port = await freePort();
    writeFileSync(join(folder, '.env'), `PORT=${port}\nHOST=127.0.0.1\nACCESS_LOG=off\n`);
    const supervisor = new Supervised(folder);
    const [[pid]] = (await supervisor.waitFor(/worker (\d+) listening/)) as [string[]];

    writeFileSync(join(folder, '.env'), `PORT=${port}\nHOST=127.0.0.1\nACCESS_LOG=off\nLOG_LEVEL=chatty\n`);
    supervisor.signal('SIGHUP');
    await supervisor.waitFor(/reload failed, the running workers stay: worker \d+ exited \(2\) before it listened/);
    expect(supervisor.output).toContain('LOG_LEVEL');
    expect(await get(port, '/health')).toBe(200);
    expect(supervisor.output).not.toContain(`worker ${pid} stopped`);

    supervisor.signal('SIGTERM');
    expect(await supervisor.exited).toBe(0);
  }, 60_000);

  it('on MariaDB, reloads and stops promptly: no worker is held open by its connection pool', async () => {
    const database = await createTestDatabase();
    try {
      expect(runCli(['migrate', 'latest'], { env: { DATABASE_URL: database.url } }).status).toBe(0);
      const folder = mkdtempSync(join(tmpdir(), 'forte-supervised-'));
      const port = await freePort();
      writeFileSync(
        join(folder, '.env'),
        `PORT=${port}\nHOST=127.0.0.1\nACCESS_LOG=off\nDATABASE_URL=${database.url}\n`,
      );
      const supervisor = new Supervised(folder, { FORTE_STOP_TIMEOUT: '10' });
      await supervisor.waitFor(/worker (\d+) listening/);
      expect(await get(port, '/ready')).toBe(200);
      supervisor.signal('SIGHUP');
      await supervisor.waitFor(/forte-supervisor: reloaded/);
      expect(await get(port, '/ready')).toBe(200);

      // A worker that outlived FORTE_STOP_TIMEOUT would be killed, and the supervisor would say so.
      supervisor.signal('SIGTERM');
      expect(await supervisor.exited).toBe(0);
      expect(supervisor.output).toMatch(/worker \d+ stopped/);
      expect(supervisor.output).not.toContain('killing it');
    } finally {
      await dropTestDatabase(database.name);
    }
  }, 60_000);

  it('exits 1 when the first worker cannot start, so that systemd reports the failure', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'forte-supervised-'));
    writeFileSync(join(folder, '.env'), 'PORT=not-a-port\n');
    const broken = new Supervised(folder);
    expect(await broken.exited).toBe(1);
    expect(broken.output).toMatch(/PORT/);
    expect(broken.output).toMatch(/forte-supervisor: worker \d+ exited \(2\) before it listened: not starting/);
  }, 60_000);
});
