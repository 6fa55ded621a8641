import { ApiAnswer } from '../http/api-client';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase } from '../../support/test-database';
import { runCli } from '../../support/forte-cli';
import { startServerProcess } from '../../support/forte-server-process';

/** The README's promise: a client made with forte-cli drives a served Forte through register, grant, deduct. */
async function walkTheLedger(origin: string, token: string): Promise<void> {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/api/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
  };
  const user = await call('POST', '/users', { discord_id: '368003617146880001', name: 'lara' });
  expect(user.status).toBe(201);
  expect((await call('POST', `/users/${user.body.id}/points`, { points: 100 })).status).toBe(201);
  expect((await call('POST', `/users/${user.body.id}/points`, { points: -30 })).status).toBe(201);
  expect((await call('GET', `/users/${user.body.id}`)).body.points).toBe(70);
  const receipts = await call('GET', `/users/${user.body.id}/receipts`);
  expect(receipts.body.data.map((receipt: { delta: number }) => receipt.delta)).toEqual([-30, 100]);
}

const SCOPES = '--scopes=users:read,users:write,points:grant';

describe('forte-cli serve', () => {
  it('serves on the embedded SQLite default in a fresh folder, with no set-up step', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'forte-fresh-'));
    const created = runCli(['clients', 'create', 'lara-bot', SCOPES, '--json'], { cwd: folder });
    expect(created.status).toBe(0);
    const { token, name, scopes } = JSON.parse(created.stdout);
    expect({ name, scopes }).toEqual({ name: 'lara-bot', scopes: ['users:read', 'users:write', 'points:grant'] });
    expect(existsSync(join(folder, 'data', 'forte.sqlite'))).toBe(true);

    const server = await startServerProcess(folder, {});
    try {
      await walkTheLedger(server.origin, token);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('on MariaDB, refuses pending migrations until they are applied', async () => {
    const database = await createTestDatabase();
    const env = { DATABASE_URL: database.url };
    try {
      const refused = runCli(['clients', 'create', 'lara-bot', SCOPES], { env });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/pending migration.*forte-cli migrate latest/);
      await expect(startServerProcess(mkdtempSync(join(tmpdir(), 'forte-')), env)).rejects.toThrow(/pending migration/);

      const status = runCli(['migrate', 'status', '--json'], { env });
      expect(JSON.parse(status.stdout).applied).toEqual([]);
      expect(runCli(['migrate', 'latest'], { env }).status).toBe(0);
      expect(JSON.parse(runCli(['migrate', 'status', '--json'], { env }).stdout).pending).toEqual([]);

      const created = runCli(['clients', 'create', 'lara-bot', SCOPES, '--json'], { env });
      const server = await startServerProcess(mkdtempSync(join(tmpdir(), 'forte-')), env);
      try {
        await walkTheLedger(server.origin, JSON.parse(created.stdout).token);
      } finally {
        await server.stop();
      }
    } finally {
      await dropTestDatabase(database.name);
    }
  }, 60_000);
});
