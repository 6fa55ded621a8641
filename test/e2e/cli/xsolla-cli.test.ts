import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliAsync } from '../../support/forte-cli';
import { XSOLLA_TEST_SECRET } from '../../support/xsolla-webhooks';
import { aTransactionId, useXsollaShelf } from '../http/xsolla-shelf';

const shelf = useXsollaShelf();

/** Runs apart from this process, whose server it talks to. */
const send = (args: string[], env: Record<string, string> = { XSOLLA_PROJECT_SECRET: XSOLLA_TEST_SECRET }) =>
  runCliAsync(['xsolla', 'send', ...args], { env });

describe('forte-cli xsolla send', () => {
  it('signs a fixture aimed at a user and sends it: 204, and the points are credited', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();

    const run = await send([
      'payment',
      '--url',
      shelf.webhookUrl,
      '--set',
      `user.id="${userId}"`,
      '--set',
      `transaction.id=${id}`,
      '--json',
    ]);

    expect(run).toMatchObject({ status: 0, stdout: '{"status":204,"body":null}\n' });
    expect((await shelf.ledgerOf(userId)).receipts).toMatchObject([{ kind: 'xsolla_payment', external_ref: id }]);
  });

  it("sends a JSON file as it is, and exits 1 with Forte's answer when Forte refuses it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'forte-xsolla-')), 'validation.json');
    writeFileSync(file, '{"notification_type": "user_validation", "user": {"id": "987654321"}}');

    const run = await send([file, '--url', shelf.webhookUrl]);

    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^400 \{"error":\{"code":"INVALID_USER","message":"[^"]+"\}\}\n$/);
  });

  it('signs with --secret; a wrong secret gets 401 INVALID_SIGNATURE', async () => {
    const run = await send(['refund', '--url', shelf.webhookUrl, '--secret', 'not-the-secret', '--json'], {});
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 401, body: { error: { code: 'INVALID_SIGNATURE' } } });
  });

  it('refuses bad usage with exit 2: no secret, no such fixture, no --url, an unreachable URL', () => {
    const noSecret = runCli(['xsolla', 'send', 'payment', '--url', shelf.webhookUrl, '--json']);
    expect(noSecret.status).toBe(2);
    expect(JSON.parse(noSecret.stdout).error.message).toMatch(/XSOLLA_PROJECT_SECRET/);

    const env = { XSOLLA_PROJECT_SECRET: XSOLLA_TEST_SECRET };
    const unknown = runCli(['xsolla', 'send', 'no_such_fixture', '--url', shelf.webhookUrl], { env });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no_such_fixture: no such file/);

    expect(runCli(['xsolla', 'send', 'payment'], { env }).status).toBe(2);

    const unreachable = runCli(['xsolla', 'send', 'payment', '--url', 'http://127.0.0.1:1/api/v2/xsolla', '--json'], {
      env,
    });
    expect(unreachable.status).toBe(2);
    expect(JSON.parse(unreachable.stdout).error.code).toBe('UNREACHABLE');
  });
});
