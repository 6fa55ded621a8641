import {
  aimedFixture,
  sendWebhook,
  WebhookAnswer,
  XSOLLA_TEST_SECRET,
  xsollaFixture,
} from '../../support/xsolla-webhooks';
import { withFields } from '../../../src/adapters/xsolla/notification-document';
import { webhookAuthorization } from '../../../src/adapters/xsolla/webhook-signature';
import { aTransactionId, storedEffects, useXsollaShelf } from './xsolla-shelf';

const shelf = useXsollaShelf();

const xsollaError = (code: string) => ({ error: { code, message: expect.any(String) } });

describe('every webhook fixture, on a running server and MariaDB', () => {
  it('payment: 204, credits its virtual currency and grants its items, one receipt naming the transaction', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();

    expect(await shelf.send('payment', userId, id)).toEqual({ status: 204, body: null });

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(10);
    expect(ledger.receipts).toMatchObject([{ kind: 'xsolla_payment', delta: 10, external_ref: id, source: 'xsolla' }]);
    expect(ledger.items).toEqual([
      expect.objectContaining({ item_id: shelf.items.test_item1, status: 'active', acquired_via: 'xsolla' }),
    ]);
  });

  it('order_paid: 204, credits the virtual_currency items and grants goods and bundles by quantity', async () => {
    const userId = await shelf.newUser();
    const invoice = aTransactionId();

    expect(await shelf.send('order_paid', userId, invoice)).toEqual({ status: 204, body: null });

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(1500);
    expect(ledger.receipts).toMatchObject([{ kind: 'xsolla_payment', delta: 1500, external_ref: invoice }]);
    expect(ledger.items.map((item) => item.item_id).sort()).toEqual(
      [
        shelf.items['virtual-good-item_test'],
        shelf.items['virtual-good-item_test'],
        shelf.items['virtual-good-item_test'],
        shelf.items['virtual-good-item_test_bundle'],
      ].sort(),
    );
  });

  it('refund: 204, takes back exactly what the payment credited, points and items', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    await shelf.send('payment', userId, id);

    expect(await shelf.send('refund', userId, id)).toEqual({ status: 204, body: null });

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(0);
    expect(ledger.receipts).toMatchObject([
      { kind: 'xsolla_payment', delta: 10 },
      { kind: 'xsolla_refund', delta: -10, external_ref: id },
    ]);
    expect(ledger.items).toEqual([expect.objectContaining({ status: 'refunded' })]);
  });

  it('partial_refund: 204, takes back what it lists, never more than the payment credited less earlier reversals', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    await shelf.send('payment', userId, id);

    const partial = await shelf.send('partial_refund', userId, id, {
      'purchase.virtual_currency.quantity': 4,
      'purchase.virtual_items.items': [],
    });
    expect(partial).toEqual({ status: 204, body: null });
    expect((await shelf.ledgerOf(userId)).points).toBe(6);

    await shelf.send('refund', userId, id);
    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(0);
    expect(ledger.receipts.map((receipt) => receipt.delta)).toEqual([10, -4, -6]);
  });

  it('partial_refund as the fixture has it: 10 points and its test_item1', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    await shelf.send('payment', userId, id);

    expect(await shelf.send('partial_refund', userId, id)).toEqual({ status: 204, body: null });

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(0);
    expect(ledger.items).toEqual([expect.objectContaining({ status: 'refunded' })]);
  });

  it('order_canceled: 204, reverses what the order_paid of the invoice credited', async () => {
    const userId = await shelf.newUser();
    const invoice = aTransactionId();
    await shelf.send('order_paid', userId, invoice);

    expect(await shelf.send('order_canceled', userId, invoice)).toEqual({ status: 204, body: null });

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(0);
    expect(ledger.items.map((item) => item.status)).toEqual(['refunded', 'refunded', 'refunded', 'refunded']);
  });

  it('afs_reject: 204, reverses a credited payment as a refund does', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    await shelf.send('payment', userId, id);

    expect(await shelf.send('afs_reject', userId, id)).toEqual({ status: 204, body: null });

    expect((await shelf.ledgerOf(userId)).points).toBe(0);
  });

  it("user_balance_operation: 204; a `payment` operation changes nothing, Xsolla's store spending is applied", async () => {
    const userId = await shelf.newUser();
    await shelf.bot.post(`/users/${userId}/points`, { points: 300 });

    expect(await shelf.send('user_balance_operation', userId, aTransactionId())).toEqual({ status: 204, body: null });
    expect((await shelf.ledgerOf(userId)).points).toBe(300);

    const spent = aTransactionId();
    const spending = { operation_type: 'inGamePurchase', 'virtual_currency_balance.diff': '-200' };
    expect(await shelf.send('user_balance_operation', userId, spent, spending)).toEqual({ status: 204, body: null });
    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(100);
    expect(ledger.receipts.at(-1)).toMatchObject({
      kind: 'xsolla_balance_operation',
      delta: -200,
      external_ref: spent,
    });
  });

  it('user_validation: 204 for an active user, 400 INVALID_USER for an unknown or deleted one', async () => {
    const userId = await shelf.newUser();
    expect(await shelf.send('user_validation', userId, '')).toEqual({ status: 204, body: null });
    expect(await shelf.send('user_validation', 987_654_321, '')).toEqual({
      status: 400,
      body: xsollaError('INVALID_USER'),
    });
    await shelf.bot.delete(`/users/${userId}`);
    expect((await shelf.send('user_validation', userId, '')).status).toBe(400);
  });

  it('a type Forte does not act on: stored and acknowledged with 204', async () => {
    const body = JSON.stringify({ notification_type: 'create_subscription', user: { id: '5' }, subscription: {} });

    expect(await sendWebhook(shelf.webhookUrl, body)).toEqual({ status: 204, body: null });

    const stored = await shelf.app.runtime.database
      .knex('xsolla_notifications')
      .where({ notification_type: 'create_subscription' })
      .first();
    expect(stored).toMatchObject({ outcome: 'acknowledged', user_ref: '5' });
    expect(Buffer.from(stored.body).toString('utf8')).toBe(body);
  });
});

describe('exactly once', () => {
  it('a payment delivered twice credits once and answers 204 both times', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();

    expect((await shelf.send('payment', userId, id)).status).toBe(204);
    expect((await shelf.send('payment', userId, id)).status).toBe(204);

    expect((await shelf.ledgerOf(userId)).points).toBe(10);
    const outcomes = await shelf.app.runtime.database
      .knex('xsolla_notifications')
      .where({ external_id: id })
      .orderBy('id')
      .pluck('outcome');
    expect(outcomes).toEqual(['applied', 'duplicate']);
  });

  it('an order_paid and a payment of one transaction credit once', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();

    await shelf.send('payment', userId, id, { 'purchase.virtual_items.items': [] });
    expect((await shelf.send('order_paid', userId, id)).status).toBe(204);

    expect((await shelf.ledgerOf(userId)).points).toBe(10);
  });

  it('a refund before its payment is stored and answered 204; the payment then nets to nothing', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();

    expect(await shelf.send('refund', userId, id)).toEqual({ status: 204, body: null });
    expect((await shelf.ledgerOf(userId)).points).toBe(0);
    expect(await shelf.send('payment', userId, id)).toEqual({ status: 204, body: null });

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(0);
    expect(ledger.receipts.map((receipt) => [receipt.kind, receipt.delta])).toEqual([
      ['xsolla_payment', 10],
      ['xsolla_refund', -10],
    ]);
    expect(ledger.items).toEqual([expect.objectContaining({ status: 'refunded' })]);
  });

  it('a refund of points already spent is applied in full, leaving a flagged debt', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    await shelf.send('payment', userId, id, { 'purchase.virtual_items.items': [] });
    await shelf.bot.post(`/users/${userId}/points`, { points: -8 });

    expect((await shelf.send('refund', userId, id)).status).toBe(204);

    expect((await shelf.ledgerOf(userId)).points).toBe(-8);
    const refund = await shelf.app.runtime.database
      .knex('receipts')
      .where({ user_id: userId, kind: 'xsolla_refund' })
      .first();
    expect(refund).toMatchObject({ debt: 1, balance_after: '-8' });
  });

  it('keeps a transaction id beyond 2^53 to its last digit', async () => {
    const userId = await shelf.newUser();
    const id = '9007199254740993';

    expect((await shelf.send('payment', userId, id)).status).toBe(204);

    expect((await shelf.ledgerOf(userId)).receipts).toMatchObject([{ external_ref: id }]);
    const operation = await shelf.app.runtime.database.knex('xsolla_operations').where({ external_id: id }).first();
    expect(operation).toMatchObject({ kind: 'payment', state: 'applied' });
  });
});

describe('refusals change nothing', () => {
  const knex = () => shelf.app.runtime.database.knex;

  async function expectUnchanged(send: () => Promise<WebhookAnswer>): Promise<WebhookAnswer> {
    const before = await storedEffects(knex());
    const answer = await send();
    expect(await storedEffects(knex())).toEqual(before);
    return answer;
  }

  it('a wrong signature: 401 INVALID_SIGNATURE', async () => {
    const userId = await shelf.newUser();
    const body = aimedFixture('payment', userId, aTransactionId());
    const answer = await expectUnchanged(() =>
      sendWebhook(shelf.webhookUrl, body, { authorization: `Signature ${'0'.repeat(40)}` }),
    );
    expect(answer).toEqual({ status: 401, body: xsollaError('INVALID_SIGNATURE') });
  });

  it('a signature made with another secret: 401 INVALID_SIGNATURE', async () => {
    const body = aimedFixture('payment', await shelf.newUser(), aTransactionId());
    const answer = await expectUnchanged(() => sendWebhook(shelf.webhookUrl, body, { secret: 'not-the-secret' }));
    expect(answer).toEqual({ status: 401, body: xsollaError('INVALID_SIGNATURE') });
  });

  it('no Authorization header: 401 INVALID_SIGNATURE', async () => {
    const body = aimedFixture('payment', await shelf.newUser(), aTransactionId());
    const answer = await expectUnchanged(() => sendWebhook(shelf.webhookUrl, body, { authorization: null }));
    expect(answer).toEqual({ status: 401, body: xsollaError('INVALID_SIGNATURE') });
  });

  it('a body changed after signing: 401 INVALID_SIGNATURE', async () => {
    const userId = await shelf.newUser();
    const signed = aimedFixture('payment', userId, aTransactionId());
    const changed = withFields(signed, { 'purchase.virtual_currency.quantity': 10_000 });
    const answer = await expectUnchanged(() =>
      sendWebhook(shelf.webhookUrl, changed, {
        authorization: webhookAuthorization(Buffer.from(signed), XSOLLA_TEST_SECRET),
      }),
    );
    expect(answer).toEqual({ status: 401, body: xsollaError('INVALID_SIGNATURE') });
  });

  it('the same JSON with other whitespace: 401, the signature covers the bytes', async () => {
    const signed = aimedFixture('payment', await shelf.newUser(), aTransactionId());
    const reformatted = JSON.stringify(JSON.parse(signed));
    const answer = await expectUnchanged(() =>
      sendWebhook(shelf.webhookUrl, reformatted, {
        authorization: webhookAuthorization(Buffer.from(signed), XSOLLA_TEST_SECRET),
      }),
    );
    expect(answer.status).toBe(401);
  });

  it('an unknown user: 400 INVALID_USER', async () => {
    const answer = await expectUnchanged(() => shelf.send('payment', 987_654_321, aTransactionId()));
    expect(answer).toEqual({ status: 400, body: xsollaError('INVALID_USER') });
  });

  it('a user id that is no Forte id (the fixture as Xsolla sent it): 400 INVALID_USER', async () => {
    const answer = await expectUnchanged(() => sendWebhook(shelf.webhookUrl, xsollaFixture('order_paid')));
    expect(answer).toEqual({ status: 400, body: xsollaError('INVALID_USER') });
  });

  it('malformed JSON, signed: 400 INVALID_PARAMETER', async () => {
    const answer = await expectUnchanged(() => sendWebhook(shelf.webhookUrl, '{"notification_type": "payment",'));
    expect(answer).toEqual({ status: 400, body: xsollaError('INVALID_PARAMETER') });
  });

  it('no notification_type: 400 INVALID_PARAMETER', async () => {
    const answer = await expectUnchanged(() => sendWebhook(shelf.webhookUrl, '{"user": {"id": "1"}}'));
    expect(answer).toEqual({ status: 400, body: xsollaError('INVALID_PARAMETER') });
  });

  it('a payment without a transaction id: 400 INVALID_PARAMETER naming the field', async () => {
    const body = withFields(aimedFixture('payment', await shelf.newUser(), aTransactionId()), { transaction: {} });
    const answer = await expectUnchanged(() => sendWebhook(shelf.webhookUrl, body));
    expect(answer).toEqual({ status: 400, body: xsollaError('INVALID_PARAMETER') });
    expect(answer.body.error.message).toContain('transaction.id');
  });

  it('an unknown SKU: 400 INVALID_PARAMETER, nothing credited', async () => {
    const userId = await shelf.newUser();
    const answer = await expectUnchanged(() =>
      shelf.send('payment', userId, aTransactionId(), {
        'purchase.virtual_items.items': [{ sku: 'no-such-sku', amount: 1 }],
      }),
    );
    expect(answer).toEqual({ status: 400, body: xsollaError('INVALID_PARAMETER') });
  });

  it('a refund whose transaction belongs to another user: 400 INCORRECT_INVOICE', async () => {
    const id = aTransactionId();
    await shelf.send('payment', await shelf.newUser(), id);
    const answer = await expectUnchanged(async () => shelf.send('refund', await shelf.newUser(), id));
    expect(answer).toEqual({ status: 400, body: xsollaError('INCORRECT_INVOICE') });
  });
});

describe('metrics', () => {
  it('counts webhooks by bounded notification type and outcome', async () => {
    const userId = await shelf.newUser();
    await shelf.send('payment', userId, aTransactionId());
    await sendWebhook(shelf.webhookUrl, '{"notification_type": "payment"}', { authorization: null });
    await sendWebhook(shelf.webhookUrl, JSON.stringify({ notification_type: 'made-up type' }));

    const metrics = await (await fetch(`${shelf.app.origin}/metrics`)).text();
    expect(metrics).toMatch(/forte_xsolla_webhooks_total\{notification_type="payment",outcome="applied"\} [1-9]/);
    expect(metrics).toMatch(/forte_xsolla_webhooks_total\{notification_type="unverified",outcome="refused"\} [1-9]/);
    expect(metrics).toMatch(/forte_xsolla_webhooks_total\{notification_type="other",outcome="acknowledged"\} [1-9]/);
    expect(metrics).not.toContain('made-up type');
  });
});
