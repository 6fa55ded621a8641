import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { PurchaseItem, PurchaseItemInput } from '../../src/application/purchase-item';
import { FixedClock } from '../support/fixed-clock';
import { anItemDraft } from '../support/builders/item';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aRequest } from './idempotency-repository.contract';
import { aNewUser, aPosting, AT } from './support/records';
import { recordRoundTrips, RoundTrips } from './support/round-trips';

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

  it('buys an item in three: the lock, then the item and the count; the ledger; the user item with COMMIT', async () => {
    const [reads, ledger, userItem, ...more] = await purchaseRoundTrips();

    expect(more).toEqual([]);
    expect(reads).toEqual([
      'BEGIN',
      expect.stringMatching(/^select \* from `users` where `id` = \d+ limit 1 for update$/),
      expect.stringMatching(/^select \* from `items` where `id` = \d+ limit 1$/),
      expect.stringMatching(/^select count\(\*\) as `count` from `user_items`/),
    ]);
    expect(ledger).toHaveLength(3);
    expect(ledger).toContainEqual(expect.stringMatching(/^update `users` set `points` = 60/));
    expect(userItem).toEqual([expect.stringMatching(/^insert into `user_items`/), 'COMMIT']);
  });

  it('buys an item under an idempotency key with the key’s completion, not the user item, in the COMMIT’s round trip', async () => {
    const trips = await purchaseRoundTrips({ idempotency: aRequest({ key: 'round-trips' }) });

    expect(trips.at(-2)).toEqual([expect.stringMatching(/^insert into `user_items`/)]);
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
      expect.stringMatching(/^select \* from `xsolla_transactions` .* for update$/),
    ]);
  });
});
