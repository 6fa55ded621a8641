import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { HandleXsollaNotification } from '../../src/application/handle-xsolla-notification';
import { PurchaseItem, PurchaseItemInput } from '../../src/application/purchase-item';
import { SkuCount } from '../../src/domain/xsolla-notification';
import { FixedClock } from '../support/fixed-clock';
import { anItemDraft } from '../support/builders/item';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aRequest } from './idempotency-repository.contract';
import { aNewUser, aPosting, AT } from './support/records';
import { recordRoundTrips, RoundTrips } from './support/round-trips';
import { aPayment, aRefund, goods } from '../support/xsolla-notifications';

/** Each round trip as the statements it carried. */
const statementsOf = (roundTrips: RoundTrips): string[][] => roundTrips.sent.map((sql) => sql.split(';\n'));

/*
 * The round trips of the hot paths on MariaDB, and the order of the statements a round trip carries: statements
 * issued together go in the order they reach the driver, and a purchase's count is only right after its lock.
 * One connection in the pool, whose round trips (`query` calls) the tests record.
 */
describe('the round trips of the hot paths on MariaDB', () => {
  let database: TestDatabase;
  let uow: KnexUnitOfWork;
  let roundTrips: RoundTrips;
  beforeAll(async () => {
    database = await openTestMariaDb({ poolSize: 1 });
    uow = new KnexUnitOfWork(database.knex);
    roundTrips = await recordRoundTrips(database.knex);
  });
  afterAll(() => database.close());

  const aUserWithPoints = () =>
    uow.run(async (tx) => {
      const user = await tx.users.insert(aNewUser());
      if (user === 'discord_id_taken') throw new Error('a new user’s Discord id was taken');
      await aPosting(tx, user.id);
      return user;
    });

  /** A user with 100 points buys an item of 40, `extra` in the request; answers the purchase's round trips. */
  async function purchaseRoundTrips(extra: Partial<PurchaseItemInput> = {}): Promise<string[][]> {
    const user = await aUserWithPoints();
    const item = await uow.run((tx) => tx.items.upsertBySku(anItemDraft().with({ price: 40 }).build(), AT));
    roundTrips.clear();
    const bought = await new PurchaseItem(uow, new FixedClock(), { publish: () => undefined }).execute({
      userId: user.id,
      itemId: item.id,
      source: 'client:test',
      ...extra,
    });
    expect(bought).toMatchObject({ ok: true, value: { points: 60 } });
    return statementsOf(roundTrips);
  }

  it('buys an item in two: the lock, then the item and the count; the ledger with the user item and COMMIT', async () => {
    const [reads, written, ...more] = await purchaseRoundTrips();

    expect(more).toEqual([]);
    expect(reads).toEqual([
      'BEGIN',
      expect.stringMatching(/^select \* from `users` where `id` = \d+ limit 1 for update$/),
      expect.stringMatching(/^select \* from `items` where `id` = \d+ limit 1$/),
      expect.stringMatching(/^select count\(\*\) as `count` from `user_items`/),
    ]);
    // The guard in the update: a balance other than 100 would fail it, and the COMMIT behind it would not run. The
    // user item names the receipt inserted just before it.
    expect(written).toEqual([
      expect.stringMatching(/^update `users` set `points` = CASE WHEN points = 100 THEN 60 END, .* where `id` = \d+$/),
      expect.stringMatching(/^insert into `receipts`/),
      expect.stringMatching(/^insert into `user_items` .* LAST_INSERT_ID\(\)/),
      expect.stringMatching(/^insert into `xsolla_outbox`/),
      'COMMIT',
    ]);
  });

  it('buys an item under an idempotency key with the key’s completion, not the user item, in the COMMIT’s round trip', async () => {
    const trips = await purchaseRoundTrips({ idempotency: aRequest({ key: 'round-trips' }) });

    expect(trips.at(-2)?.slice(2)).toEqual([
      expect.stringMatching(/^insert into `user_items` .* LAST_INSERT_ID\(\)/),
      expect.stringMatching(/^insert into `xsolla_outbox`/),
    ]);
    expect(trips.at(-1)).toEqual([expect.stringMatching(/^update `idempotency_keys`/), 'COMMIT']);
  });

  it('claims an Xsolla transaction in one round trip: the row inserted or locked, then read with its lock', async () => {
    const user = await aUserWithPoints();
    roundTrips.clear();

    const claimed = await uow.run((tx) => tx.xsollaPayments.claimTransaction('xsolla-round-trips', user.id, AT));

    expect(claimed).toMatchObject({ transactionId: 'xsolla-round-trips', userId: user.id });
    expect(statementsOf(roundTrips)[0]).toEqual([
      'BEGIN',
      expect.stringMatching(/^insert into `xsolla_transactions` .* on duplicate key update/),
      expect.stringMatching(/^select \* from `xsolla_transactions` where `transaction_id` = .* limit 1$/),
    ]);
  });

  describe('an Xsolla payment', () => {
    const handler = () => new HandleXsollaNotification(uow, new FixedClock(), { publish: () => undefined });
    const body = Buffer.from('{"notification_type":"payment"}');

    /**
     * Answers the round trips of a payment of 10 points and `items` to a user who had 100, after `before` (another
     * notification of the user and transaction, say).
     */
    async function paymentRoundTrips(
      transactionId: string,
      items: SkuCount[] = [],
      before?: (userId: number) => Promise<unknown>,
    ): Promise<string[][]> {
      const user = await aUserWithPoints();
      await before?.(user.id);
      roundTrips.clear();
      const paid = await handler().execute({ notification: aPayment(user.id, transactionId, goods(10, items)), body });
      expect(paid).toEqual({ ok: true, value: { outcome: 'applied', userId: user.id, points: before ? 0 : 10 } });
      return statementsOf(roundTrips);
    }

    it('is stored and credited in two round trips, the delivery written first and its outcome with COMMIT', async () => {
      const [reads, last, ...more] = await paymentRoundTrips('round-trips-payment');

      expect(more).toEqual([]);
      expect(reads).toEqual([
        'BEGIN',
        expect.stringMatching(/^insert into `xsolla_notifications`/),
        expect.stringMatching(/^select \* from `users` where `id` = \d+ limit 1 for update$/),
        expect.stringMatching(
          /^select \* from `xsolla_transactions` where `transaction_id` = 'round-trips-payment' limit 1$/,
        ),
      ]);
      // The transaction's row before its operation: another user's delivery that stored it meanwhile fails the round
      // trip on the row's key. Both name the receipt, kept in a session variable as each insert changes LAST_INSERT_ID().
      expect(last).toEqual([
        expect.stringMatching(/^update `users` set `points` = CASE WHEN points = 100 THEN 110 END/),
        expect.stringMatching(/^insert into `receipts`/),
        'SET @forte_receipt_id = LAST_INSERT_ID()',
        expect.stringMatching(/^insert into `xsolla_transactions` .*@forte_receipt_id.*'round-trips-payment'/),
        expect.stringMatching(/^insert into `xsolla_operations` .*@forte_receipt_id/),
        expect.stringMatching(/^insert into `xsolla_outbox`/),
        expect.stringMatching(/^update `xsolla_notifications` set `outcome` = 'applied'/),
        'COMMIT',
      ]);
      expect(last?.[0]).not.toMatch(/on duplicate key/);
    });

    it('claims the row of a transaction a reversal came first for, and reads its reversals, in a round trip more', async () => {
      const refundFirst = (userId: number) =>
        handler().execute({ notification: aRefund(userId, 'round-trips-refunded'), body });

      const [, claim, ledger, ...rest] = await paymentRoundTrips('round-trips-refunded', [], refundFirst);

      expect(claim).toEqual([
        expect.stringMatching(/^insert into `xsolla_transactions` .* on duplicate key update/),
        expect.stringMatching(/^select \* from `xsolla_transactions` where `transaction_id` = .* limit 1$/),
        expect.stringMatching(/^select \* from `xsolla_operations` where `external_id` = 'round-trips-refunded'/),
      ]);
      expect(ledger).toContainEqual(
        expect.stringMatching(/^update `users` set `points` = CASE WHEN points = 100 THEN 110/),
      );
      expect(rest.at(-1)?.slice(-3)).toEqual([
        expect.stringMatching(/^update `xsolla_transactions` set /),
        expect.stringMatching(/^update `xsolla_notifications` set `outcome` = 'applied'/),
        'COMMIT',
      ]);
    });

    it('looks its SKUs up behind the lock, and grants their items with the last round trip', async () => {
      const sku = `round-trips-${Date.now()}`;
      await uow.run((tx) => tx.items.upsertBySku(anItemDraft().with({ sku }).build(), AT));

      const [lock, last] = await paymentRoundTrips('round-trips-items', [{ sku, count: 2 }]);

      expect(lock?.slice(2)).toEqual([
        expect.stringMatching(/^select \* from `users` where `id` = \d+ limit 1 for update$/),
        expect.stringMatching(/^select \* from `items` where `sku` = 'round-trips-/),
        expect.stringMatching(/^select \* from `xsolla_transactions` where `transaction_id` = 'round-trips-items'/),
      ]);
      expect(last?.filter((sql) => /^insert into `user_items` .*@forte_receipt_id/.test(sql))).toHaveLength(2);
      expect(last?.at(-1)).toBe('COMMIT');
    });
  });
});
