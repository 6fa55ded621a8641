import { MIGRATION_NAMES } from '../../../src/adapters/persistence/migration-source';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/forte-cli';
import { runCliOnTerminal } from '../../support/terminal';

/** PRODUCT §5: a command that destroys data asks on a terminal and needs --yes anywhere else. */
describe('forte-cli commands that destroy data', () => {
  // The embedded SQLite default in a fresh folder, as a newcomer would first meet it.
  const folder = mkdtempSync(join(tmpdir(), 'forte-destroy-'));
  const cli = (...args: string[]) => runCli(args, { cwd: folder });
  const onTerminal = (answer: string, ...args: string[]) =>
    runCliOnTerminal(args, { cwd: folder, env: {}, input: `${answer}\n` });
  const revokedAt = (name: string): string | null | undefined =>
    (JSON.parse(cli('clients', 'list', '--json').stdout) as { name: string; revoked_at: string | null }[]).find(
      (client) => client.name === name,
    )?.revoked_at;
  const migrationStatus = (): { applied: string[]; pending: string[] } =>
    JSON.parse(cli('migrate', 'status', '--json').stdout);

  beforeAll(() => {
    for (const name of ['lara-bot', 'mia-bot', 'kai-bot']) {
      expect(cli('clients', 'create', name, '--scopes', 'users:read').status).toBe(0);
    }
  });

  it('clients revoke refuses without --yes off a terminal, and asks on one', () => {
    const refused = cli('clients', 'revoke', 'lara-bot');
    expect(refused.status).toBe(2);
    const consequence = 'revoking lara-bot stops its token for good, in every process within 1 s';
    expect(refused.stderr).toBe(`forte-cli: ${consequence}: pass --yes to go ahead (no terminal to ask on)\n`);
    expect(JSON.parse(cli('clients', 'revoke', 'lara-bot', '--json').stdout)).toEqual({
      error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('pass --yes') },
    });
    expect(revokedAt('lara-bot')).toBeNull();

    const declined = onTerminal('n', 'clients', 'revoke', 'lara-bot');
    expect(declined.screen).toContain(`${consequence}. Go ahead? [y/N]`);
    expect(declined.status).toBe(2);
    expect(declined.screen).toContain('forte-cli: nothing done: not confirmed');
    expect(revokedAt('lara-bot')).toBeNull();

    const accepted = onTerminal('y', 'clients', 'revoke', 'lara-bot');
    expect(accepted.status).toBe(0);
    expect(accepted.screen).toMatch(/Revoked lara-bot at /);
    expect(revokedAt('lara-bot')).toEqual(expect.any(String));
  });

  it('clients revoke goes ahead with --yes, and needs no confirmation for what is already revoked or missing', () => {
    expect(cli('clients', 'revoke', 'mia-bot', '--yes').status).toBe(0);
    expect(revokedAt('mia-bot')).toEqual(expect.any(String));
    expect(cli('clients', 'revoke', 'mia-bot').status).toBe(0);
    const missing = cli('clients', 'revoke', 'nobody', '--json');
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.code).toBe('CLIENT_NOT_FOUND');
  });

  it('migrate rollback refuses without --yes off a terminal, naming what it would drop', () => {
    const refused = cli('migrate', 'rollback');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^forte-cli: migrate rollback would undo ${MIGRATION_NAMES.length} migration\\(s\\), ${MIGRATION_NAMES.at(-1)}, .*, ` +
          '20261125000001_create_users, dropping what they created and every row in it: pass --yes to go ahead',
      ),
    );
    const json = cli('migrate', 'rollback', '--json');
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('CONFIRMATION_REQUIRED');
    expect(migrationStatus().pending).toEqual([]);
    expect(revokedAt('kai-bot')).toBeNull();
  });

  it('migrate rollback asks on a terminal: no keeps every table, yes drops them', () => {
    const declined = onTerminal('no', 'migrate', 'rollback');
    expect(declined.status).toBe(2);
    expect(declined.screen).toMatch(/every row in it\. Go ahead\? \[y\/N\]/);
    expect(migrationStatus().pending).toEqual([]);

    const accepted = onTerminal('yes', 'migrate', 'rollback');
    expect(accepted.status).toBe(0);
    expect(accepted.screen).toMatch(new RegExp(`rolled_back:\\s+${MIGRATION_NAMES.at(-1)}`));
    const { applied, pending } = migrationStatus();
    expect(applied).toEqual([]);
    expect(pending).toHaveLength(MIGRATION_NAMES.length);
  });

  it('migrate rollback with nothing left to undo asks nothing; --yes rolls back at once', () => {
    const nothing = cli('migrate', 'rollback', '--json');
    expect(nothing.status).toBe(0);
    expect(JSON.parse(nothing.stdout)).toEqual({ rolled_back: [] });

    expect(cli('migrate', 'latest').status).toBe(0);
    const forced = cli('migrate', 'rollback', '--yes', '--json');
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout).rolled_back).toHaveLength(MIGRATION_NAMES.length);
  });
});
