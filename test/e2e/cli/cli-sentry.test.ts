import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../../support/forte-cli';
import { startSentryEmulator, SentryEmulator } from '../../support/sentry-emulator';

describe('faults of forte-cli', () => {
  let sentry: SentryEmulator;
  beforeAll(async () => {
    sentry = await startSentryEmulator();
  });
  afterAll(() => sentry.close());

  it('reach Sentry tagged with the command; refusals do not', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'forte-cli-sentry-')), 'forte.sqlite');
    const env = { DATABASE_URL: `sqlite:${file}`, SENTRY_DSN: sentry.dsn, SENTRY_ENVIRONMENT: 'cli-e2e' };
    const created = await runCliAsync(['clients', 'create', 'lara-bot', '--scopes=users:read', '--token-only'], {
      env,
    });
    expect(created.status).toBe(0);
    // A refusal: the operator is told, Sentry is not.
    const taken = await runCliAsync(['clients', 'create', 'lara-bot', '--scopes=users:read'], { env });
    expect(taken.status).toBe(2);

    // A fault of forte-cli itself: a table is gone from under it.
    const sqlite = new Database(file);
    sqlite.exec('DROP TABLE user_items; DROP TABLE items');
    sqlite.close();
    const failed = await runCliAsync(['items', 'list'], { env });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/unexpected error: .*no such table: items/);

    const envelope = await sentry.waitFor(/"type":"event"/);
    expect(sentry.events()).toHaveLength(1);
    const [event] = sentry.events();
    expect(event?.environment).toBe('cli-e2e');
    expect(event?.tags).toEqual(expect.objectContaining({ command: 'items list' }));
    expect(event?.exception?.values?.[0]?.value).toMatch(/no such table: items/);
    expect(envelope).not.toContain(created.stdout.trim());
  }, 60_000);
});
