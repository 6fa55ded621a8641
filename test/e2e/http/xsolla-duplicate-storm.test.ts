import { KnexUnitOfWork } from '../../../src/adapters/persistence/knex-unit-of-work';
import { anItemDraft } from '../../support/builders/item';
import { ServedForte, serveForte } from '../../support/served-forte';
import { aimedFixture, sendWebhook, WebhookAnswer, XSOLLA_TEST_SECRET } from '../../support/xsolla-webhooks';
import { ApiClient } from './api-client';
import { aDiscordId } from './discord-ids';
import { aTransactionId, useXsollaShelf } from './xsolla-shelf';

const STORM = 20;

/** Every delivery answered 204, none a 5xx (Xsolla would send it yet again). */
function expectAllAcknowledged(answers: WebhookAnswer[]): void {
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 204));
}

describe(`one payment delivered ${STORM} times at once to one server`, () => {
  const shelf = useXsollaShelf();

  it('credits once, and answers every delivery 204', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    const body = aimedFixture('payment', userId, id);

    expectAllAcknowledged(await Promise.all(Array.from({ length: STORM }, () => sendWebhook(shelf.webhookUrl, body))));

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(10);
    expect(ledger.receipts).toHaveLength(1);
    expect(ledger.items).toHaveLength(1);
  });

  it('naming two users, credits one of them once, and refuses the other with a 4xx, never a 5xx', async () => {
    const users = [await shelf.newUser(), await shelf.newUser()];
    const id = aTransactionId();
    const bodies = users.map((userId) => aimedFixture('payment', userId, id));

    const answers = await Promise.all(
      Array.from({ length: STORM }, (_, n) => sendWebhook(shelf.webhookUrl, bodies[n % 2] as string)),
    );

    const ledgers = await Promise.all(users.map((userId) => shelf.ledgerOf(userId)));
    const paid = ledgers.findIndex((ledger) => ledger.points === 10);
    expect(ledgers.map((ledger) => ledger.points).sort()).toEqual([0, 10]);
    expect(ledgers.map((ledger) => ledger.receipts.length).sort()).toEqual([0, 1]);
    expect(answers.map((answer, n) => [n % 2 === paid, answer.status])).toEqual(
      answers.map((_, n) => [n % 2 === paid, n % 2 === paid ? 204 : 400]),
    );
  });

  it('with its refund in the storm too, the user ends with nothing of it, whatever came first', async () => {
    const userId = await shelf.newUser();
    const id = aTransactionId();
    const payment = aimedFixture('payment', userId, id);
    const refund = aimedFixture('refund', userId, id);

    const deliveries = Array.from({ length: STORM }, (_, n) => (n % 2 === 0 ? payment : refund));
    expectAllAcknowledged(await Promise.all(deliveries.map((body) => sendWebhook(shelf.webhookUrl, body))));

    const ledger = await shelf.ledgerOf(userId);
    expect(ledger.points).toBe(0);
    expect(ledger.receipts.map((receipt) => receipt.delta)).toEqual([10, -10]);
    expect(ledger.items).toEqual([expect.objectContaining({ status: 'refunded' })]);
  });
});

describe(`one payment delivered ${STORM} times at once to two server processes on one database`, () => {
  let forte: ServedForte;
  let bot: ApiClient;
  beforeAll(async () => {
    forte = await serveForte(2, {
      scopes: 'users:read,users:write',
      env: { XSOLLA_PROJECT_SECRET: XSOLLA_TEST_SECRET },
    });
    bot = ApiClient.bearer(forte.baseUrls[0]!, forte.token);
    await new KnexUnitOfWork(forte.database.knex).run((tx) =>
      tx.items.upsertBySku(anItemDraft().with({ sku: 'test_item1' }).build(), new Date()),
    );
  }, 60_000);
  afterAll(() => forte?.stop());

  it('credits once; every delivery is answered 204', async () => {
    const user = await bot.post('/users', { discord_id: aDiscordId(), name: 'payer' });
    const body = aimedFixture('payment', user.body.id, aTransactionId());

    const answers = await Promise.all(
      Array.from({ length: STORM }, (_, n) => sendWebhook(`${forte.baseUrls[n % 2]}/xsolla`, body)),
    );

    expectAllAcknowledged(answers);
    expect((await bot.get(`/users/${user.body.id}`)).body.points).toBe(10);
    const [receipts] = await forte.database.knex('receipts').where({ user_id: user.body.id }).count({ n: '*' });
    expect(Number(receipts?.n)).toBe(1);
    const outcomes = await forte.database.knex('xsolla_notifications').pluck('outcome');
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(STORM - 1);
  }, 60_000);
});
