import { startTcpProxy, TcpProxy } from '../../support/tcp-proxy';
import { testServerUrl } from '../../support/test-database';
import { aimedFixture, sendWebhook } from '../../support/xsolla-webhooks';
import { aTransactionId, useXsollaShelf } from './xsolla-shelf';

const database = new URL(testServerUrl());
let proxy: TcpProxy;
beforeAll(async () => {
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 3306) });
});
afterAll(() => proxy?.close());

const shelf = useXsollaShelf({}, (url) => {
  const through = new URL(url);
  through.port = String(proxy.port);
  return through.toString();
});

describe('a webhook while the database is down', () => {
  it('is answered 503 DATABASE_UNAVAILABLE (Xsolla retries), and credited once when it comes again', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    const body = aimedFixture('payment', userId, id);

    proxy.cut();
    let down;
    try {
      down = await sendWebhook(shelf.webhookUrl, body);
    } finally {
      proxy.restore();
    }
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('DATABASE_UNAVAILABLE');

    expect((await sendWebhook(shelf.webhookUrl, body)).status).toBe(204);
    expect((await sendWebhook(shelf.webhookUrl, body)).status).toBe(204);
    expect((await shelf.ledgerOf(userId)).points).toBe(10);
    const stored = await shelf.app.runtime.database.knex('xsolla_notifications').where({ external_id: id });
    expect(stored.map((row: { outcome: string }) => row.outcome)).toEqual(['applied', 'duplicate']);
  });
});
