import { DeleteUser } from '../../../src/application/delete-user';
import { HandleXsollaNotification } from '../../../src/application/handle-xsolla-notification';
import {
  CommitOutcomeUnknownError,
  StorageBusyError,
  StorageUnavailableError,
} from '../../../src/application/ports/storage-failures';
import { UnitOfWork } from '../../../src/application/ports/unit-of-work';
import { anItemDraft } from '../../support/builders/item';
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

describe('HandleXsollaNotification', () => {
  let store: XsollaStore;
  beforeEach(async () => {
    store = await openXsollaStore();
  });

  const receipts = () => store.uow.snapshot().receipts;
  const handled = () => store.events.ofType('XsollaNotificationHandled');

  describe('a payment', () => {
    it('credits its points and grants its items, with one receipt naming the transaction', async () => {
      const result = await store.handle(aPayment(store.userId, '1001', goods(10, [{ sku: 'gem', count: 2 }])));

      expect(result).toEqual({ ok: true, value: { outcome: 'applied', userId: store.userId, points: 10 } });
      expect(store.balance()).toBe(10);
      expect(receipts()).toEqual([
        expect.objectContaining({ kind: 'xsolla_payment', delta: 10, source: 'xsolla', externalRef: '1001' }),
      ]);
      const userItems = [...store.uow.snapshot().userItems.values()];
      expect(userItems).toHaveLength(2);
      for (const userItem of userItems) {
        expect(userItem).toMatchObject({ acquiredVia: 'xsolla', receiptId: receipts()[0]?.id, status: 'active' });
      }
    });

    it('stores the delivery raw, and what became of it', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10)));

      const [stored] = [...store.uow.snapshot().xsollaNotifications.values()];
      expect(stored).toMatchObject({ type: 'payment', externalId: '1001', userRef: String(store.userId) });
      expect(Buffer.from(stored!.body).toString()).toBe('{"notification_type":"payment"}');
      expect(stored).toMatchObject({ outcome: 'applied', handledAt: store.clock.now() });
    });

    it('delivered again changes nothing and is a duplicate, also when it comes as order_paid', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10)));

      expect(await store.handle(aPayment(store.userId, '1001', goods(10)))).toMatchObject({
        value: { outcome: 'duplicate', points: 0 },
      });
      expect(await store.handle(anOrderPaid(store.userId, '1001', goods(10)))).toMatchObject({
        value: { outcome: 'duplicate' },
      });
      expect(store.balance()).toBe(10);
      expect(receipts()).toHaveLength(1);
      expect(handled().map((event) => event.outcome)).toEqual(['applied', 'duplicate', 'duplicate']);
    });

    it('for an unknown or deleted user is refused, and only the delivery is stored', async () => {
      expect(await store.handle(aPayment(999, '1001', goods(10)))).toEqual({
        ok: false,
        failure: { type: 'UserNotFound' },
      });
      await new DeleteUser(store.uow, store.clock).execute({ id: store.userId });
      expect((await store.handle(aPayment(store.userId, '1002', goods(10)))).ok).toBe(false);

      expect(receipts()).toEqual([]);
      expect(store.uow.snapshot().xsollaOperations).toEqual([]);
      const outcomes = [...store.uow.snapshot().xsollaNotifications.values()].map((stored) => stored.outcome);
      expect(outcomes).toEqual(['refused', 'refused']);
      expect(handled()).toEqual([
        expect.objectContaining({ notificationType: 'payment', outcome: 'refused', userId: 999, points: 0 }),
        expect.objectContaining({ outcome: 'refused', userId: store.userId }),
      ]);
    });

    it('with an unknown SKU credits nothing at all', async () => {
      const result = await store.handle(aPayment(store.userId, '1001', goods(10, [{ sku: 'nope', count: 1 }])));

      expect(result).toEqual({ ok: false, failure: { type: 'ItemNotFound' } });
      expect(store.balance()).toBe(0);
      expect(store.uow.snapshot().userItems.size).toBe(0);
    });

    it('announces its posting and the notification only once it committed', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10)));

      expect(store.events.events.map((event) => event.type)).toEqual(['LedgerPosted', 'XsollaNotificationHandled']);
      expect(handled()).toEqual([
        {
          type: 'XsollaNotificationHandled',
          notificationType: 'payment',
          outcome: 'applied',
          transactionId: '1001',
          userId: store.userId,
          points: 10,
        },
      ]);
    });
  });

  describe('a reversal', () => {
    it('of a paid transaction takes back its points and items', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10, [{ sku: 'gem', count: 1 }])));

      expect(await store.handle(aRefund(store.userId, '1001'))).toMatchObject({
        value: { outcome: 'applied', points: -10 },
      });
      expect(store.balance()).toBe(0);
      expect(store.itemStatuses()).toEqual({ gem: { refunded: 1 } });
      expect(receipts().at(-1)).toMatchObject({ kind: 'xsolla_refund', delta: -10, externalRef: '1001' });
    });

    it('before its payment is deferred, and the payment applies it in the same transaction', async () => {
      expect(await store.handle(aRefund(store.userId, '1001'))).toMatchObject({
        value: { outcome: 'deferred', points: 0 },
      });
      expect(receipts()).toEqual([]);

      expect(await store.handle(aPayment(store.userId, '1001', goods(10, [{ sku: 'gem', count: 1 }])))).toMatchObject({
        value: { outcome: 'applied', points: 0 },
      });
      expect(store.balance()).toBe(0);
      expect(receipts().map((receipt) => [receipt.kind, receipt.delta])).toEqual([
        ['xsolla_payment', 10],
        ['xsolla_refund', -10],
      ]);
      expect(store.itemStatuses()).toEqual({ gem: { refunded: 1 } });
      expect(store.uow.snapshot().xsollaOperations.map((operation) => [operation.kind, operation.state])).toEqual([
        ['refund', 'applied'],
        ['payment', 'applied'],
      ]);
    });

    it('never takes back more than the payment credited less earlier reversals', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10, [{ sku: 'gem', count: 2 }])));
      await store.handle(aPartialRefund(store.userId, '1001', goods(7, [{ sku: 'gem', count: 1 }])));
      expect(store.balance()).toBe(3);
      expect(store.itemStatuses()).toEqual({ gem: { active: 1, refunded: 1 } });

      await store.handle(anAfsReject(store.userId, '1001'));
      await store.handle(aRefund(store.userId, '1001'));

      expect(store.balance()).toBe(0);
      expect(store.itemStatuses()).toEqual({ gem: { refunded: 2 } });
      expect(receipts().map((receipt) => receipt.delta)).toEqual([10, -7, -3]);
    });

    it('of points already spent is applied in full and flagged as a debt', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10)));
      await store.buy(anItemDraft().with({ sku: 'cake', price: 8 }));

      await store.handle(aRefund(store.userId, '1001'));

      expect(store.balance()).toBe(-8);
      expect(receipts().at(-1)).toMatchObject({ delta: -10, balanceAfter: -8, debt: true });
      expect(store.ledgerSum()).toBe(-8);
    });

    it('naming another user than the payment is refused', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10)));
      const other = await store.registerAnother();

      expect(await store.handle(aRefund(other, '1001'))).toEqual({
        ok: false,
        failure: { type: 'XsollaTransactionMismatch' },
      });
      expect(store.balance()).toBe(10);
    });

    it('delivered twice takes back once', async () => {
      await store.handle(aPayment(store.userId, '1001', goods(10)));
      await store.handle(aPartialRefund(store.userId, '1001', goods(4)));

      expect(await store.handle(aPartialRefund(store.userId, '1001', goods(4)))).toMatchObject({
        value: { outcome: 'duplicate' },
      });
      expect(store.balance()).toBe(6);
    });
  });

  describe("a note of Xsolla's wallet", () => {
    it('of a payment, a refund or an internal recharge changes nothing', async () => {
      for (const [id, type] of [
        ['1', 'payment'],
        ['2', 'refund'],
        ['3', 'internal'],
      ] as const) {
        expect(await store.handle(aWalletOperation(store.userId, id, type, 50))).toMatchObject({
          value: { outcome: 'acknowledged' },
        });
      }
      expect(receipts()).toEqual([]);
    });

    it("of spending or a coupon in Xsolla's store is applied once, by id_operation", async () => {
      await store.grant(100);
      await store.handle(aWalletOperation(store.userId, '66989', 'inGamePurchase', -30));
      await store.handle(aWalletOperation(store.userId, '66989', 'inGamePurchase', -30));
      await store.handle(aWalletOperation(store.userId, '66990', 'coupon', 5));

      expect(store.balance()).toBe(75);
      expect(receipts().slice(1)).toEqual([
        expect.objectContaining({ kind: 'xsolla_balance_operation', delta: -30, externalRef: '66989' }),
        expect.objectContaining({ kind: 'xsolla_balance_operation', delta: 5, externalRef: '66990' }),
      ]);
    });
  });

  describe('a user validation', () => {
    it('acknowledges an active user and refuses anyone else', async () => {
      const validation = (userRef: string) =>
        store.handle({ type: 'user_validation', userRef, externalId: null, action: { kind: 'validate_user' } });

      expect(await validation(String(store.userId))).toMatchObject({ ok: true, value: { outcome: 'acknowledged' } });
      expect(await validation('999')).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
      expect(await validation('id_xsolla_login_1')).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
    });
  });

  it('stores and acknowledges a type Forte does not act on, counted as `other` outside the dictionary', async () => {
    const record = (type: string) =>
      store.handle({ type, userRef: null, externalId: null, action: { kind: 'record' } });

    expect(await record('create_subscription')).toMatchObject({ ok: true, value: { outcome: 'acknowledged' } });
    expect(await record('something new')).toMatchObject({ ok: true, value: { outcome: 'acknowledged' } });

    expect(handled().map((event) => event.notificationType)).toEqual(['create_subscription', 'other']);
    expect(store.uow.snapshot().xsollaNotifications.size).toBe(2);
  });

  describe('when acting on it fails', () => {
    /** The store's unit of work, whose transactions (not its one-statement writes) fail with `failure` once done. */
    const failingWith = (failure: Error): UnitOfWork => ({
      run: (work, options) =>
        store.uow.run(async (tx) => {
          const done = await work(tx);
          if (options?.oneStatement === true) return done;
          throw failure;
        }),
      read: (work) => store.uow.read(work),
    });
    const payThrough = (uow: UnitOfWork) =>
      new HandleXsollaNotification(uow, store.clock, store.events).execute({
        notification: aPayment(store.userId, '7001', goods(10)),
        body: Buffer.from('{"notification_type":"payment"}'),
      });
    const stored = () => [...store.uow.snapshot().xsollaNotifications.values()];

    it('throws, credits nothing, and keeps the delivery, stored on its own with no outcome', async () => {
      const busy = new StorageBusyError({ cause: new Error('deadlock') });

      await expect(payThrough(failingWith(busy))).rejects.toBe(busy);

      expect(store.balance()).toBe(0);
      expect(stored()).toEqual([expect.objectContaining({ type: 'payment', externalId: '7001', outcome: null })]);
      expect(Buffer.from(stored()[0]?.body ?? []).toString()).toBe('{"notification_type":"payment"}');
      expect(handled()).toEqual([]);
    });

    it.each([
      ['the database is away', new StorageUnavailableError({ cause: new Error('connect ECONNREFUSED') })],
      ['the COMMIT’s outcome is unknown', new CommitOutcomeUnknownError({ cause: new Error('connection lost') })],
    ])('stores nothing on its own when %s: Xsolla sends it again', async (_when, failure) => {
      await expect(payThrough(failingWith(failure))).rejects.toBe(failure);

      expect(stored()).toEqual([]);
    });
  });
});
