import fc from 'fast-check';
import { XsollaNotification } from '../../../src/domain/xsolla-notification';
import { aPaymentScenario, Bought, PaymentNotification, PaymentScenario } from '../../support/xsolla-scenario';
import {
  aPartialRefund,
  aPayment,
  aRefund,
  anAfsReject,
  anOrderPaid,
  aWalletOperation,
  goods,
} from '../../support/xsolla-notifications';
import { openXsollaStore, XsollaStore } from './xsolla-fixture';

const TRANSACTION = '774001001';

const goodsOf = ({ points, first, second }: Bought) =>
  goods(points, [
    ...(first > 0 ? [{ sku: 'gem', count: first }] : []),
    ...(second > 0 ? [{ sku: 'hat', count: second }] : []),
  ]);

function notificationOf(name: PaymentNotification, scenario: PaymentScenario, userId: number): XsollaNotification {
  switch (name) {
    case 'payment':
      return aPayment(userId, TRANSACTION, goodsOf(scenario.paid));
    case 'order_paid':
      return anOrderPaid(userId, TRANSACTION, goodsOf(scenario.paid));
    case 'refund':
      return aRefund(userId, TRANSACTION);
    case 'partial_refund':
      return aPartialRefund(userId, TRANSACTION, goodsOf(scenario.partial));
    case 'afs_reject':
      return anAfsReject(userId, TRANSACTION);
    case 'user_balance_operation':
      return aWalletOperation(userId, '66989', scenario.wallet.operationType, scenario.wallet.diff);
  }
}

async function deliver(names: PaymentNotification[], scenario: PaymentScenario): Promise<XsollaStore> {
  const store = await openXsollaStore();
  for (const name of names) {
    const handled = await store.handle(notificationOf(name, scenario, store.userId));
    if (!handled.ok) throw new Error(`${name} was refused: ${handled.failure.type}`);
  }
  return store;
}

describe("a payment's notifications, in any order and any number of times", () => {
  it('end in the balance and items of applying each once in order', async () => {
    await fc.assert(
      fc.asyncProperty(aPaymentScenario(), async (scenario) => {
        const once = await deliver(scenario.sent, scenario);
        const shuffled = await deliver(scenario.deliveries, scenario);

        expect(shuffled.balance()).toBe(once.balance());
        expect(shuffled.itemStatuses()).toEqual(once.itemStatuses());
        expect(shuffled.ledgerSum()).toBe(shuffled.balance());
      }),
      { numRuns: 300 },
    );
  });
});
