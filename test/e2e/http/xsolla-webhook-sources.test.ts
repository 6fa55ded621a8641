import { aimedFixture, sendWebhook } from '../../support/xsolla-webhooks';
import { aTransactionId, useXsollaShelf } from './xsolla-shelf';

const xsollaError = (code: string) => ({ error: { code, message: expect.any(String) } });

describe('XSOLLA_ALLOWED_IPS without a trusted proxy', () => {
  const shelf = useXsollaShelf({ XSOLLA_ALLOWED_IPS: '10.0.0.0/8' });

  it('refuses a webhook from elsewhere with 401 INVALID_CLIENT_IP, whatever X-Forwarded-For claims', async () => {
    const body = aimedFixture('payment', await shelf.newUser(), aTransactionId());
    const answer = await sendWebhook(shelf.webhookUrl, body, { headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(answer).toEqual({ status: 401, body: xsollaError('INVALID_CLIENT_IP') });
  });
});

describe('XSOLLA_ALLOWED_IPS behind a trusted proxy', () => {
  const shelf = useXsollaShelf({ XSOLLA_ALLOWED_IPS: '10.0.0.0/8', TRUST_PROXY: 'true' });

  it('admits the address the proxy saw, the last of X-Forwarded-For', async () => {
    const userId = await shelf.newUser();
    const answer = await sendWebhook(shelf.webhookUrl, aimedFixture('payment', userId, aTransactionId()), {
      headers: { 'x-forwarded-for': '192.0.2.7, 10.1.2.3' },
    });
    expect(answer.status).toBe(204);
    expect((await shelf.ledgerOf(userId)).points).toBe(10);
  });

  it('does not believe an allowed address that the client put first', async () => {
    const body = aimedFixture('payment', await shelf.newUser(), aTransactionId());
    const answer = await sendWebhook(shelf.webhookUrl, body, { headers: { 'x-forwarded-for': '10.1.2.3, 192.0.2.7' } });
    expect(answer).toEqual({ status: 401, body: xsollaError('INVALID_CLIENT_IP') });
  });
});

describe('without XSOLLA_PROJECT_SECRET', () => {
  const shelf = useXsollaShelf({ XSOLLA_PROJECT_SECRET: '' });

  it('answers 503 XSOLLA_NOT_CONFIGURED, which Xsolla retries, rather than refusing the payment for good', async () => {
    const answer = await sendWebhook(
      shelf.webhookUrl,
      aimedFixture('payment', await shelf.newUser(), aTransactionId()),
    );
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('XSOLLA_NOT_CONFIGURED');
  });
});
