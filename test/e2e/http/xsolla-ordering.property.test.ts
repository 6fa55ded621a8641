import fc from 'fast-check';
import { aimedFixture, sendWebhook } from '../../support/xsolla-webhooks';
import { aPaymentScenario, Bought, PaymentNotification, PaymentScenario } from '../../support/xsolla-scenario';
import { aTransactionId, useXsollaShelf } from './xsolla-shelf';

const shelf = useXsollaShelf();

const SKUS = { first: 'test_item1', second: 'virtual-good-item_test' } as const;

const itemsOf = (bought: Bought) =>
  (['first', 'second'] as const)
    .filter((place) => bought[place] > 0)
    .map((place) => ({ sku: SKUS[place], count: bought[place] }));

const purchaseFields = (bought: Bought) => ({
  'purchase.virtual_currency.quantity': bought.points,
  'purchase.virtual_items.items': itemsOf(bought).map(({ sku, count }) => ({ sku, amount: count })),
});

/** The wire text of one notification of the scenario, for a user, its transaction and its wallet operation. */
function wireOf(name: PaymentNotification, scenario: PaymentScenario, userId: number, id: string): string {
  switch (name) {
    case 'payment':
      return aimedFixture('payment', userId, id, purchaseFields(scenario.paid));
    case 'order_paid':
      return aimedFixture('order_paid', userId, id, {
        items: [
          { sku: 'gold', type: 'virtual_currency', quantity: scenario.paid.points },
          ...itemsOf(scenario.paid).map(({ sku, count }) => ({ sku, type: 'virtual_good', quantity: count })),
        ],
      });
    case 'partial_refund':
      return aimedFixture('partial_refund', userId, id, purchaseFields(scenario.partial));
    case 'refund':
    case 'afs_reject':
      return aimedFixture(name, userId, id);
    case 'user_balance_operation':
      return aimedFixture('user_balance_operation', userId, `op-${id}`, {
        operation_type: scenario.wallet.operationType,
        'virtual_currency_balance.diff': String(scenario.wallet.diff),
      });
  }
}

/** Delivers the notifications to a new user, `atOnce` at a time; answers the user's balance and item statuses. */
async function deliver(names: PaymentNotification[], scenario: PaymentScenario, atOnce: number) {
  const userId = await shelf.newUser();
  const id = aTransactionId();
  for (let start = 0; start < names.length; start += atOnce) {
    const batch = names.slice(start, start + atOnce);
    const answers = await Promise.all(
      batch.map((name) => sendWebhook(shelf.webhookUrl, wireOf(name, scenario, userId, id))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(batch.map(() => 204));
  }
  const ledger = await shelf.ledgerOf(userId);
  const statuses = ledger.items.map((item) => `${item.item_id}:${item.status}`).sort();
  return { points: ledger.points, statuses, sum: ledger.receipts.reduce((total, receipt) => total + receipt.delta, 0) };
}

describe("a payment's notifications, in any order and any number of times, some at once, on MariaDB", () => {
  it('end in the balance and items of applying each once in order', async () => {
    await fc.assert(
      fc.asyncProperty(aPaymentScenario(), fc.integer({ min: 1, max: 4 }), async (scenario, atOnce) => {
        const once = await deliver(scenario.sent, scenario, 1);
        const shuffled = await deliver(scenario.deliveries, scenario, atOnce);

        expect(shuffled.points).toBe(once.points);
        expect(shuffled.statuses).toEqual(once.statuses);
        expect(shuffled.sum).toBe(shuffled.points);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
