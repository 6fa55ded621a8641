import { openTestMariaDb, TestDatabase } from '../../support/persistence';
import { runCli } from '../../support/forte-cli';

describe('forte-cli clients', () => {
  let db: TestDatabase;
  const clients = (...args: string[]) => runCli(['clients', ...args], { env: { DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await openTestMariaDb();
  });
  afterAll(() => db.close());

  it('shows the token once and stores only its hash', async () => {
    const run = clients('create', 'lara-bot', '--scopes', 'users:read,points:grant');
    expect(run.status).toBe(0);
    const token = /^(forte_\S+)$/m.exec(run.stdout)?.[1];
    expect(token).toBeDefined();
    const rows = await db.knex('clients').where({ name: 'lara-bot' });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(clients('list').stdout).not.toContain(token);
  });

  it('refuses a missing or unknown scope and a taken name with exit 2', () => {
    expect(clients('create', 'no-scope').status).toBe(2);
    const unknown = clients('create', 'odd-bot', '--scopes', 'users:read,users:destroy');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/users:destroy/);
    const taken = clients('create', 'lara-bot', '--scopes', 'users:read');
    expect(taken.status).toBe(2);
    expect(taken.stderr).toBe('forte-cli: lara-bot: a client with this name already exists\n');
    const takenJson = clients('create', 'lara-bot', '--scopes', 'users:read', '--json');
    expect(takenJson.status).toBe(2);
    expect(JSON.parse(takenJson.stdout)).toEqual({
      error: { code: 'CLIENT_NAME_TAKEN', message: 'lara-bot: a client with this name already exists' },
    });
  });

  it('prints the token alone with --token-only, for TOKEN=$(...)', () => {
    const run = clients('create', 'kai-bot', '--scopes', 'items:read', '--token-only');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^forte_\S+\n$/);
    expect(clients('create', 'kai-bot-2', '--scopes', 'items:read', '--token-only', '--json').status).toBe(2);
  });

  it('lists and revokes', () => {
    clients('create', 'mia-bot', '--scopes', 'attendance');
    const revoked = clients('revoke', 'mia-bot', '--json', '--yes');
    expect(revoked.status).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual(
      expect.objectContaining({ name: 'mia-bot', revoked_at: expect.any(String) }),
    );
    const list = JSON.parse(clients('list', '--json').stdout) as { name: string; revoked_at: string | null }[];
    expect(list.map((client) => [client.name, client.revoked_at !== null])).toEqual([
      ['kai-bot', false],
      ['lara-bot', false],
      ['mia-bot', true],
    ]);
    const nobody = clients('revoke', 'nobody', '--json');
    expect(nobody.status).toBe(2);
    expect(JSON.parse(nobody.stdout)).toEqual({
      error: { code: 'CLIENT_NOT_FOUND', message: 'nobody: no client has this name' },
    });
  });
});
