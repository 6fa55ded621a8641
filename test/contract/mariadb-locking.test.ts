import { UnitOfWork } from '../../src/application/ports/unit-of-work';
import { StorageBusyError } from '../../src/application/ports/storage-failures';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { StatementNotSentError } from '../../src/adapters/persistence/statement-pipeline';
import { User } from '../../src/domain/user';
import { awaitingPayment } from '../../src/domain/xsolla-transaction';
import { UserItem } from '../../src/domain/user-item';
import { anItemDraft } from '../support/builders/item';
import { FixedClock } from '../support/fixed-clock';
import { aPayment, goods } from '../support/xsolla-notifications';
import { HandleXsollaNotification } from '../../src/application/handle-xsolla-notification';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aRequest, LONG_AGO } from './idempotency-repository.contract';
import { Transaction } from '../../src/application/ports/unit-of-work';
import { aNewUser, aReceiptDraft, aReceiptlessPaymentOperation, AT, aUserItemDraft } from './support/records';

/** One more point for a user read (and locked) before, through the ledger. */
const addOne = (tx: Transaction, user: User) =>
  tx.ledger.post(aReceiptDraft(user.id, { delta: 1, balanceBefore: user.points, balanceAfter: user.points + 1 }));

/** A promise and the function that settles it, to hold a transaction open until a test lets it go. */
const gate = (): { opened: Promise<void>; open: () => void } => {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('MariaDB locking', () => {
  let database: TestDatabase;
  let uow: UnitOfWork;
  beforeAll(async () => {
    database = await openTestMariaDb({ lockTimeoutMs: 1000 });
    uow = new KnexUnitOfWork(database.knex);
  });
  afterAll(() => database.close());

  it('answers busy to a claim of a key that another transaction holds past the lock wait timeout', async () => {
    const request = aRequest({ key: 'held-key' });
    const claimed = gate();
    const release = gate();
    const holder = uow.run(async (tx) => {
      const claim = await tx.idempotency.claim(request, AT, LONG_AGO);
      claimed.open();
      await release.opened;
      await tx.idempotency.complete(request, 'done');
      return claim;
    });
    await claimed.opened;
    const waited = await uow.run((tx) => tx.idempotency.claim(request, AT, LONG_AGO));
    release.open();
    expect(waited).toEqual({ kind: 'busy' });
    expect(await holder).toEqual({ kind: 'claimed' });
    expect(await uow.run((tx) => tx.idempotency.claim(request, AT, LONG_AGO))).toMatchObject({
      kind: 'existing',
      result: 'done',
    });
  });

  /**
   * Two transactions, each locking one of two new users, waiting until the other locked the other one, then locking
   * that one too (`lockOther`) and adding a point to both: one of them deadlocks. Answers how many times the work ran,
   * how many after-commit effects ran, and both users' balances after.
   */
  async function crosswise(lockOther: (tx: Transaction, other: User, own: User) => Promise<User>) {
    const [first, second] = (await Promise.all(
      [aNewUser(), aNewUser()].map((newUser) => uow.run((tx) => tx.users.insert(newUser))),
    )) as [User, User];
    const bothLockedOne = { count: 0, all: gate() };
    let runs = 0;
    let effects = 0;
    const addToBoth = (own: User, other: User) =>
      uow.run(async (tx) => {
        runs += 1;
        tx.afterCommit(() => (effects += 1));
        const a = (await tx.users.lockById(own.id)) as User;
        bothLockedOne.count += 1;
        if (bothLockedOne.count === 2) bothLockedOne.all.open();
        await bothLockedOne.all.opened;
        const b = await lockOther(tx, other, own);
        await addOne(tx, a);
        await addOne(tx, b);
      });
    await Promise.all([addToBoth(first, second), addToBoth(second, first)]);
    const points = await uow.run(async (tx) => [
      (await tx.users.findById(first.id))?.points,
      (await tx.users.findById(second.id))?.points,
    ]);
    return { runs, effects, points };
  }

  it("runs the work again when a deadlock rolled it back, and only the committed attempts' effects", async () => {
    expect(await crosswise(async (tx, other) => (await tx.users.lockById(other.id)) as User)).toEqual({
      runs: 3,
      effects: 2,
      points: [2, 2],
    });
  });

  it('runs the work again when the deadlock hit a statement sent together with others, whichever failure it saw first', async () => {
    const seen: unknown[] = [];
    // The second lock goes in one round trip with a read after it; the read, not sent once the lock failed, settles
    // first (the lock's answer comes a step later), so the work fails with StatementNotSentError.
    const lockedTogether = async (tx: Transaction, other: User, own: User) => {
      const [b] = await Promise.all([
        tx.users.lockById(other.id).then((user) => user),
        tx.users.findById(own.id),
      ]).catch((error: unknown) => {
        seen.push(error);
        throw error;
      });
      return b as User;
    };

    expect(await crosswise(lockedTogether)).toEqual({ runs: 3, effects: 2, points: [2, 2] });
    expect(seen).toEqual([expect.any(StatementNotSentError)]);
  });

  it('makes a second transaction locking a user item wait until the first commits, then see its write', async () => {
    const userItem = await uow.run(async (tx) => {
      const user = (await tx.users.insert(aNewUser())) as User;
      const item = await tx.items.upsertBySku(anItemDraft().with({ sku: 'locked-gem' }).build(), AT);
      return tx.userItems.insert(aUserItemDraft(user.id, item.id, null));
    });
    const withdrawnAt = new Date(AT.getTime() + 1000);
    const locked = gate();
    const release = gate();
    const events: string[] = [];
    const first = uow.run(async (tx) => {
      const held = (await tx.userItems.lockById(userItem.userId, userItem.id)) as UserItem;
      locked.open();
      await release.opened;
      await tx.userItems.save({ ...held, status: 'withdrawn', withdrawnAt, updatedAt: withdrawnAt });
      events.push('first wrote');
    });
    await locked.opened;
    const second = uow.run(async (tx) => {
      const seen = await tx.userItems.lockById(userItem.userId, userItem.id);
      events.push('second locked');
      return seen;
    });
    // Well within the 1 s lock wait: the second transaction is still waiting for the row.
    await sleep(300);
    expect(events).toEqual([]);
    release.open();

    const seen = await second;
    await first;
    expect(events).toEqual(['first wrote', 'second locked']);
    expect(seen).toMatchObject({ status: 'withdrawn', withdrawnAt });
  });
  it('lets two transactions upsert one new SKU at once: the later one updates the row the first inserted', async () => {
    const inserted = gate();
    const release = gate();
    const first = uow.run(async (tx) => {
      await tx.items.upsertBySku(anItemDraft().with({ sku: 'raced-gem', price: 10 }).build(), AT);
      inserted.open();
      await release.opened;
    });
    await inserted.opened;
    const second = uow.run((tx) =>
      tx.items.upsertBySku(anItemDraft().with({ sku: 'raced-gem', price: 20 }).build(), AT),
    );
    // Let the second insert reach the row the first one has not committed yet.
    await sleep(300);
    release.open();
    await first;
    expect(await second).toMatchObject({ sku: 'raced-gem', price: 20 });
    const raced = (await uow.run((tx) => tx.items.listAll())).filter((item) => item.sku === 'raced-gem');
    expect(raced).toEqual([await second]);
  });
  // Xsolla's ids grow, but payments come in any order. A locking read of the claimed row by its unique key would lock
  // the gap before it (MariaDB does for this key), where an older id is inserted: that payment would wait for this
  // one to end. A locking read of an id while it is missing would take the gap after the last row, where a newer id
  // is inserted.
  it.each([
    ['a newer', '7000001', '7000002'],
    ['an older', '7000012', '7000011'],
  ])(
    'lets payments of two new Xsolla transactions go on at once: claiming an id locks no gap (%s id second)',
    async (_which, firstId, secondId) => {
      const [payer, other] = (await Promise.all(
        [aNewUser(), aNewUser()].map((newUser) => uow.run((tx) => tx.users.insert(newUser))),
      )) as [User, User];
      const claimed = gate();
      const release = gate();
      const events: string[] = [];
      const first = uow.run(async (tx) => {
        const transaction = await tx.xsollaPayments.claimTransaction(firstId, payer.id, AT);
        claimed.open();
        await release.opened;
        await tx.xsollaPayments.saveTransaction({ ...transaction, creditedPoints: 1 }, AT);
        events.push('first saved');
      });
      await claimed.opened;
      const second = uow.run(async (tx) => {
        const transaction = await tx.xsollaPayments.claimTransaction(secondId, other.id, AT);
        await tx.xsollaPayments.saveTransaction({ ...transaction, creditedPoints: 2 }, AT);
        events.push('second saved');
      });
      const outcome = await second.then(
        () => 'saved',
        (error: unknown) => error,
      );
      release.open();
      await first;
      expect(outcome).toBe('saved');
      expect(events).toEqual(['second saved', 'first saved']);
    },
  );

  // A payment of a transaction Forte has no row of reads it without a lock and inserts the row with its last write.
  // Another user's delivery of the transaction that commits its writes meanwhile fails that round trip: the payment
  // runs again, sees the other user's row, and is refused.
  describe("a payment raced by another user's delivery of its transaction", () => {
    /**
     * Runs `otherWrites` for the other user in a transaction held open, then a payment of 10 points for the payer,
     * which must wait for those writes' keys; commits the other transaction; answers the payer and the payment's result.
     */
    async function racedPayment(
      transactionId: string,
      otherWrites: (tx: Transaction, other: User) => Promise<unknown>,
    ) {
      const [payer, other] = (await Promise.all(
        [aNewUser(), aNewUser()].map((newUser) => uow.run((tx) => tx.users.insert(newUser))),
      )) as [User, User];
      const written = gate();
      const release = gate();
      const otherDelivery = uow.run(async (tx) => {
        await otherWrites(tx, other);
        written.open();
        await release.opened;
      });
      await written.opened;
      const handler = new HandleXsollaNotification(uow, new FixedClock(), { publish: () => undefined });
      let settled = false;
      const payment = handler
        .execute({ notification: aPayment(payer.id, transactionId, goods(10)), body: Buffer.from('{}') })
        .finally(() => (settled = true));
      // Let the payment reach its writes, which wait for the other transaction's uncommitted keys.
      await sleep(300);
      expect(settled).toBe(false);
      release.open();
      await otherDelivery;
      return { payer, result: await payment };
    }

    it('runs it again when a reversal stored the row after the payment read it', async () => {
      const { payer, result } = await racedPayment('raced-reversal', (tx, other) =>
        tx.xsollaPayments.claimTransaction('raced-reversal', other.id, AT),
      );

      expect(result).toEqual({ ok: false, failure: { type: 'XsollaTransactionMismatch' } });
      expect(await uow.run((tx) => tx.users.findById(payer.id))).toMatchObject({ points: 0 });
      const deliveries: unknown[] = await database
        .knex('xsolla_notifications')
        .where({ external_id: 'raced-reversal' })
        .select('outcome');
      expect(deliveries).toEqual([{ outcome: 'refused' }]);
      expect(await database.knex('receipts').where({ user_id: payer.id })).toEqual([]);
    });

    it('runs it again when a payment committed its row and operation after the payment read the row', async () => {
      // The other payment's writes, as it makes them: its receipt, then the row, then the operation.
      const { payer, result } = await racedPayment('raced-payments', async (tx, other) => {
        const notificationId = await tx.xsollaInbox.record({
          type: 'payment',
          externalId: 'raced-payments',
          userRef: String(other.id),
          body: Buffer.from('{}'),
          receivedAt: AT,
        });
        await tx.users.lockById(other.id);
        await tx.ledger.postWith(aReceiptDraft(other.id, { kind: 'xsolla_payment', delta: 10, balanceAfter: 10 }), {
          xsollaPayment: {
            transaction: { ...awaitingPayment('raced-payments', other.id), creditedPoints: 10 },
            operation: aReceiptlessPaymentOperation(other.id, notificationId, 'raced-payments'),
          },
        });
      });

      expect(result).toEqual({ ok: false, failure: { type: 'XsollaTransactionMismatch' } });
      expect(await uow.run((tx) => tx.users.findById(payer.id))).toMatchObject({ points: 0 });
      expect(await database.knex('receipts').where({ user_id: payer.id })).toEqual([]);
    });
  });

  it('gives up with StorageBusyError, and the work it gave up on wrote nothing', async () => {
    const uow = new KnexUnitOfWork(database.knex, { retry: { attempts: 1, firstBackoffMs: 0 } });
    const [first, second] = (await Promise.all(
      [aNewUser(), aNewUser()].map((newUser) => uow.run((tx) => tx.users.insert(newUser))),
    )) as [User, User];
    const bothLocked = gate();
    let locked = 0;
    const addToBoth = (lockFirst: User, lockSecond: User) =>
      uow.run(async (tx) => {
        const a = (await tx.users.lockById(lockFirst.id)) as User;
        locked += 1;
        if (locked === 2) bothLocked.open();
        await bothLocked.opened;
        await addOne(tx, a);
        const b = (await tx.users.lockById(lockSecond.id)) as User;
        await addOne(tx, b);
      });

    const outcomes = await Promise.allSettled([addToBoth(first, second), addToBoth(second, first)]);

    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(StorageBusyError);
    const points = await uow.run(async (tx) => [
      (await tx.users.findById(first.id))?.points,
      (await tx.users.findById(second.id))?.points,
    ]);
    expect(points).toEqual([1, 1]);
  });
});
