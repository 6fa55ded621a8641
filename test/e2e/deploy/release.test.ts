import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { ApiClient } from '../http/api-client';
import { freePort } from '../../support/free-port';
import { startServerProcess } from '../../support/forte-server-process';
import { ProcessOutcome, runProcess } from '../../support/run-process';

const ROOT = join(__dirname, '../../..');
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const FAKE_SYSTEMD = join(ROOT, 'test/support/fake-systemd');
const SCOPES = '--scopes=users:read,users:write,points:grant';

/** Folders this file made: unpacked releases and install roots are large, so they go when the file is done. */
const made: string[] = [];
const temporary = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A command run to its end without blocking this process (the servers under test share its HTTP client pool). */
function sh(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
) {
  return runProcess(command, args, {
    cwd: options.cwd ?? tmpdir(),
    env: options.env ?? { PATH: process.env.PATH ?? '' },
    timeoutMs: options.timeoutMs ?? 120_000,
  });
}

const output = (run: ProcessOutcome) => `${run.stdout}${run.stderr}`;

async function unpack(tarball: string): Promise<string> {
  const dir = temporary('forte-unpacked-');
  const untar = await sh('tar', ['-xzf', tarball, '-C', dir]);
  if (untar.code !== 0) throw new Error(untar.stderr);
  return dir;
}

/** Registers a user and grants points through the API: the real call a bot makes. */
async function registerWithPoints(origin: string, token: string, points: number): Promise<number> {
  const api = ApiClient.bearer(`${origin}/api/v2`, token);
  const user = await api.post('/users', { discord_id: '368003617146880001', name: 'lara' });
  expect(user.status).toBe(201);
  expect((await api.post(`/users/${user.body.id}/points`, { points })).status).toBe(201);
  return user.body.id;
}

let tarball: string;
/** The tarball unpacked once, for the tests that only read it (CodeDeploy's deployment archives among them). */
let revision: string;

beforeAll(async () => {
  // The same script `make dist` runs, writing to a folder of the test's instead of dist/.
  const made = await sh(join(ROOT, 'scripts/make-dist.sh'), [], {
    env: { ...(process.env as Record<string, string>), FORTE_DIST_DIR: temporary('forte-dist-') },
    timeoutMs: 240_000,
  });
  if (made.code !== 0) throw new Error(`make-dist.sh failed:\n${output(made)}`);
  tarball = made.stdout.trim().split('\n').pop() ?? '';
  revision = await unpack(tarball);
}, 300_000);

describe('make dist', () => {
  it('writes forte-<version>.tar.gz: compiled JS, migrations, production dependencies and the CodeDeploy revision', async () => {
    expect(tarball).toMatch(new RegExp(`/forte-${VERSION.replace(/\./g, '\\.')}\\.tar\\.gz$`));
    const entries = (await sh('tar', ['-tzf', tarball])).stdout.split('\n');
    expect(entries).toEqual(
      expect.arrayContaining([
        'appspec.yml',
        'bin/forte-cli.js',
        'dist/src/cli/main.js',
        'dist/migrations/20261125000001_create_users.js',
        'deploy/hooks/after-install.sh',
        'deploy/forte.service',
        'deploy/forte-supervisor.js',
        'node_modules/koa/package.json',
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        'package.json',
      ]),
    );
    const shipped = (prefix: string) => entries.some((entry) => entry.startsWith(prefix));
    for (const left of [
      'node_modules/typescript/',
      'node_modules/jest/',
      'node_modules/husky/',
      'node_modules/@commitlint/',
      'src/',
      'test/',
      'dist/test/',
      'dist/bench/',
    ]) {
      expect({ left, shipped: shipped(left) }).toEqual({ left, shipped: false });
    }
    const pkg = JSON.parse(readFileSync(join(revision, 'package.json'), 'utf8'));
    expect(pkg.scripts).toEqual({ start: 'node dist/src/cli/main.js serve' });
  });

  it('unpacked in an empty folder, migrates and serves on the embedded SQLite default', async () => {
    const work = temporary('forte-work-');
    const cli = join(revision, 'bin/forte-cli.js');

    const migrated = await sh(process.execPath, [cli, 'migrate', 'latest'], { cwd: work });
    expect(output(migrated)).toContain('20261125000001_create_users');
    expect(migrated.code).toBe(0);
    expect(existsSync(join(work, 'data/forte.sqlite'))).toBe(true);
    const created = await sh(process.execPath, [cli, 'clients', 'create', 'lara-bot', SCOPES, '--json'], { cwd: work });
    expect(created.code).toBe(0);

    const server = await startServerProcess(work, {}, [], cli);
    try {
      const health = await fetch(`${server.origin}/health`);
      expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { status: 'ok' } });
      const ready = await fetch(`${server.origin}/ready`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({
        status: 200,
        body: { status: 'ready', database: 'up' },
      });
      const id = await registerWithPoints(server.origin, JSON.parse(created.stdout).token, 100);
      const user = await ApiClient.bearer(`${server.origin}/api/v2`, JSON.parse(created.stdout).token).get(
        `/users/${id}`,
      );
      expect(user.body.points).toBe(100);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('installs its production dependencies offline where it is unpacked (npm install needs no build step)', async () => {
    const installed = await sh('npm', ['install', '--omit=dev', '--offline', '--no-audit', '--no-fund'], {
      cwd: revision,
      env: { PATH: process.env.PATH ?? '', HOME: temporary('forte-home-') },
    });
    expect(output(installed)).toMatch(/up to date/);
    expect(installed.code).toBe(0);
    // npm walks the whole unpacked tree (160 MB), which takes its time on a busy machine.
  }, 180_000);
});

interface Hook {
  location: string;
  timeout?: number;
}
const LIFECYCLE = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];

/**
 * An EC2 instance as CodeDeploy treats it, in temporary folders: a deployment runs the appspec's hooks from the
 * unpacked revision (CodeDeploy's deployment archive) in lifecycle order, ApplicationStop from the previous
 * successful revision and none on the first, with CodeDeploy's variables, the appspec's timeouts, and a stand-in
 * systemctl first on PATH.
 */
class Host {
  readonly root = join(temporary('forte-host-'), 'opt/forte');
  readonly units = temporary('forte-units-');
  readonly systemd = temporary('forte-systemd-');
  private previous: string | null = null;

  constructor(readonly port: number) {}

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: `${FAKE_SYSTEMD}:${process.env.PATH ?? ''}`,
      HOME: this.systemd,
      FORTE_ROOT: this.root,
      FORTE_UNIT_DIR: this.units,
      FORTE_USER: userInfo().username,
      FORTE_PORT: String(this.port),
      FORTE_KEEP_RELEASES: '1',
      FAKE_SYSTEMD_STATE: this.systemd,
      ...extra,
    };
  }

  /** Runs one deployment; answers the event that failed (null when all passed) and what the hooks printed. */
  async deploy(id: string): Promise<{ failed: string | null; log: string }> {
    const archive = revision;
    let log = '';
    for (const event of LIFECYCLE) {
      const from = event === 'ApplicationStop' ? this.previous : archive;
      if (!from) continue;
      const hooks: Hook[] = YAML.parse(readFileSync(join(from, 'appspec.yml'), 'utf8')).hooks[event] ?? [];
      for (const hook of hooks) {
        const run = await sh(join(from, hook.location), [], {
          cwd: this.systemd,
          env: this.env({
            LIFECYCLE_EVENT: event,
            DEPLOYMENT_ID: id,
            APPLICATION_NAME: 'forte',
            DEPLOYMENT_GROUP_NAME: 'production',
          }),
          timeoutMs: (hook.timeout ?? 3600) * 1000,
        });
        log += output(run);
        if (run.code !== 0) return { failed: event, log };
      }
    }
    this.previous = archive;
    return { failed: null, log };
  }

  systemctl(...args: string[]) {
    return sh(join(FAKE_SYSTEMD, 'systemctl'), args, { env: this.env() });
  }

  calls(): string[] {
    return existsSync(join(this.systemd, 'calls'))
      ? readFileSync(join(this.systemd, 'calls'), 'utf8').trim().split('\n')
      : [];
  }

  current(): string {
    return readlinkSync(join(this.root, 'current'));
  }

  cli(...args: string[]) {
    return sh(process.execPath, [join(this.root, 'current/bin/forte-cli.js'), ...args], {
      cwd: join(this.root, 'shared'),
    });
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async waitForLog(pattern: RegExp, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    const file = join(this.systemd, 'forte.log');
    while (!(existsSync(file) && pattern.test(readFileSync(file, 'utf8')))) {
      if (Date.now() > deadline) throw new Error(`no ${pattern} in the service's output within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('the CodeDeploy revision (appspec.yml and deploy/hooks)', () => {
  it('hook scripts pass shellcheck', async () => {
    const hooks = readdirSync(join(ROOT, 'deploy/hooks')).map((file) => join('deploy/hooks', file));
    const checked = await sh(
      'shellcheck',
      ['-x', ...hooks, 'scripts/make-dist.sh', 'test/support/fake-systemd/systemctl'],
      { cwd: ROOT },
    );
    expect(output(checked)).toBe('');
    expect(checked.code).toBe(0);
  });

  let host: Host;
  afterAll(() => host?.systemctl('stop', 'forte'));

  it('deploys, redeploys and validates end to end against a temporary install root, keeping the data', async () => {
    host = new Host(await freePort());
    const first = await host.deploy('d-FIRST');
    expect(first).toMatchObject({ failed: null });
    expect(host.calls()).toEqual(['daemon-reload', 'enable forte', 'start forte', ...host.calls().slice(3)]);
    expect(host.current()).toBe(`releases/forte-${VERSION}-d-FIRST`);
    const unit = readFileSync(join(host.units, 'forte.service'), 'utf8');
    expect(unit).toContain(
      `ExecStart=${process.execPath} ${host.root}/current/deploy/forte-supervisor.js ${host.root}/current/bin/forte-cli.js serve`,
    );
    expect(unit).toContain(`WorkingDirectory=${host.root}/shared`);
    expect(unit).not.toMatch(/@[A-Z_]+@/);
    expect(readFileSync(join(host.root, 'shared/.env'), 'utf8')).toContain(`PORT=${host.port}\n`);
    expect(first.log).toContain(`ValidateService: ready: http://127.0.0.1:${host.port}/ready`);

    const created = await host.cli('clients', 'create', 'deploy-bot', SCOPES, '--json');
    expect(created.code).toBe(0);
    const token: string = JSON.parse(created.stdout).token;
    const id = await registerWithPoints(host.origin, token, 100);
    expect(existsSync(join(host.root, 'shared/data/forte.sqlite'))).toBe(true);

    const second = await host.deploy('d-SECOND');
    expect(second).toMatchObject({ failed: null });
    expect(host.calls()).toContain('stop forte');
    expect(host.current()).toBe(`releases/forte-${VERSION}-d-SECOND`);
    expect(readdirSync(join(host.root, 'releases'))).toEqual([`forte-${VERSION}-d-SECOND`]);
    const user = await ApiClient.bearer(`${host.origin}/api/v2`, token).get(`/users/${id}`);
    expect({ status: user.status, points: user.body.points }).toEqual({ status: 200, points: 100 });

    // Graceful reload through the unit's ExecReload, of a release moved in under `current` while the old folder is
    // gone: the new worker starts from the link, takes over, and the service stays ready.
    const moved = await sh('mv', [
      join(host.root, `releases/forte-${VERSION}-d-SECOND`),
      join(host.root, 'releases/moved'),
    ]);
    expect(moved.code).toBe(0);
    expect((await sh('ln', ['-sfn', 'releases/moved', join(host.root, 'current')])).code).toBe(0);
    expect((await host.systemctl('reload', 'forte')).code).toBe(0);
    await host.waitForLog(/forte-supervisor: reloaded/);
    expect((await fetch(`${host.origin}/ready`)).status).toBe(200);
  }, 180_000);

  it('a release whose migrations fail is not made current; ValidateService fails when the service is down', async () => {
    const envFile = join(host.root, 'shared/.env');
    const settings = readFileSync(envFile, 'utf8');
    writeFileSync(envFile, `${settings}DATABASE_URL=mysql://root@127.0.0.1:1/forte\n`);
    const broken = await host.deploy('d-BROKEN');
    expect(broken.failed).toBe('AfterInstall');
    expect(broken.log).toContain(
      `the migrations of forte-${VERSION}-d-BROKEN failed: the previous release stays current`,
    );
    expect(host.current()).toBe('releases/moved');

    const validate = await sh(join(host.root, 'current/deploy/hooks/validate-service.sh'), [], {
      env: host.env({ FORTE_READY_TIMEOUT: '2' }),
    });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('forte is not running: see journalctl -u forte');

    // The operator fixes the settings and deploys again (CodeDeploy's rollback does the same with the last revision).
    writeFileSync(envFile, settings);
    expect(await host.deploy('d-FIXED')).toMatchObject({ failed: null });
    expect((await fetch(`${host.origin}/ready`)).status).toBe(200);
    expect((await host.systemctl('stop', 'forte')).code).toBe(0);
    await expect(fetch(`${host.origin}/health`)).rejects.toThrow();
  }, 180_000);
});

describe('the hooks on a fresh host', () => {
  it('make the service account, install root and a default .env that the operator then owns', async () => {
    const root = join(temporary('forte-host-'), 'opt/forte');
    const archive = revision;
    mkdirSync(root, { recursive: true });
    const env = { PATH: process.env.PATH ?? '', FORTE_ROOT: root, FORTE_USER: userInfo().username, FORTE_PORT: '4100' };
    expect((await sh(join(archive, 'deploy/hooks/before-install.sh'), [], { env })).code).toBe(0);
    const written = readFileSync(join(root, 'shared/.env'), 'utf8');
    expect(written).toMatch(/^PORT=4100$/m);
    expect(written).toMatch(/^DATABASE_URL=sqlite:\.\/data\/forte\.sqlite$/m);
    writeFileSync(join(root, 'shared/.env'), 'PORT=4200\n');
    expect((await sh(join(archive, 'deploy/hooks/before-install.sh'), [], { env })).code).toBe(0);
    expect(readFileSync(join(root, 'shared/.env'), 'utf8')).toBe('PORT=4200\n');
    expect(existsSync(join(root, 'shared/data'))).toBe(true);
  });
});
