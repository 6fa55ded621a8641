import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { UnitOfWork } from '../../src/application/ports/unit-of-work';
import { User } from '../../src/domain/user';
import { XsollaOperation } from '../../src/domain/xsolla-operation';
import { awaitingPayment } from '../../src/domain/xsolla-transaction';
import { anItemDraft } from '../support/builders/item';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aRequest, LONG_AGO } from './idempotency-repository.contract';
import { aNewUser, aPaymentOperation, aReceiptDraft, aReceiptlessPaymentOperation, AT } from './support/records';

/**
 * A Galera node may hand out an auto-increment id that another node's row already holds while the cluster changes
 * its membership (MDEV-7129): a plain insert then fails on the primary key, and an `INSERT … ON DUPLICATE KEY UPDATE`
 * would update that other row. A trigger stands for the node here: it gives the next insert into a table the id of
 * a row already there, once (the ids to hand out live in a MEMORY table, which a rollback does not restore).
 */
describe('an insert handed an id that another row holds', () => {
  let database: TestDatabase;
  let uow: UnitOfWork;
  beforeAll(async () => {
    database = await openTestMariaDb();
    uow = new KnexUnitOfWork(database.knex, { retry: { attempts: 3, firstBackoffMs: 1 } });
    await database.knex.raw('CREATE TABLE taken_ids (table_name VARCHAR(64) PRIMARY KEY, id BIGINT) ENGINE=MEMORY');
  });
  afterAll(() => database.close());

  const handOutOnce = async (table: string, id: number): Promise<void> => {
    await database.knex.raw(
      `CREATE TRIGGER IF NOT EXISTS \`${table}_taken_id\` BEFORE INSERT ON \`${table}\` FOR EACH ROW
       BEGIN
         SET @taken = (SELECT id FROM taken_ids WHERE table_name = '${table}');
         IF @taken IS NOT NULL THEN
           SET NEW.id = @taken;
           DELETE FROM taken_ids WHERE table_name = '${table}';
         END IF;
       END`,
    );
    await database.knex('taken_ids').insert({ table_name: table, id });
  };
  const idOf = async (table: string, where: Record<string, unknown>): Promise<number> =>
    Number((await database.knex(table).where(where).first('id')).id);
  const stillToHandOut = async (): Promise<number> =>
    Number((await database.knex('taken_ids').count({ n: '*' }))[0]?.n);

  it("claims its idempotency key anew, and the other key's record keeps its request and answer", async () => {
    const first = aRequest({ key: 'first-key', fingerprint: 'a'.repeat(64) });
    const second = aRequest({ key: 'second-key', fingerprint: 'b'.repeat(64) });
    await uow.run(async (tx) => {
      await tx.idempotency.claim(first, AT, LONG_AGO);
      await tx.idempotency.complete(first, 'answer of the first');
    });
    await handOutOnce('idempotency_keys', await idOf('idempotency_keys', { key: 'first-key' }));

    const claimed = await uow.run(async (tx) => {
      const claim = await tx.idempotency.claim(second, AT, LONG_AGO);
      await tx.idempotency.complete(second, 'answer of the second');
      return claim;
    });

    expect(await stillToHandOut()).toBe(0);
    expect(claimed).toEqual({ kind: 'claimed' });
    for (const [request, answer] of [
      [first, 'answer of the first'],
      [second, 'answer of the second'],
    ] as const) {
      expect(await uow.run((tx) => tx.idempotency.claim(request, AT, LONG_AGO))).toMatchObject({
        kind: 'existing',
        fingerprint: request.fingerprint,
        result: answer,
      });
    }
  });

  it('claims a new Xsolla transaction, and leaves the one under the id as it was', async () => {
    const user = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    await uow.run((tx) => tx.xsollaPayments.claimTransaction('1001', user.id, AT));
    await handOutOnce('xsolla_transactions', await idOf('xsolla_transactions', { transaction_id: '1001' }));

    const claimed = await uow.run((tx) => tx.xsollaPayments.claimTransaction('1002', user.id, AT));

    expect(await stillToHandOut()).toBe(0);
    expect(claimed).toMatchObject({ transactionId: '1002', userId: user.id });
    expect(
      (await database.knex('xsolla_transactions').orderBy('transaction_id').select('transaction_id')).map(
        (row: { transaction_id: string }) => row.transaction_id,
      ),
    ).toEqual(['1001', '1002']);
  });

  it("writes a paid Xsolla transaction's row with its receipt anew, and leaves the one under the id as it was", async () => {
    const user = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    const notificationId = await uow.run((tx) =>
      tx.xsollaInbox.record({
        type: 'payment',
        externalId: '1003',
        userRef: String(user.id),
        body: Buffer.from('{}'),
        receivedAt: AT,
      }),
    );
    const pay = (transactionId: string, balanceBefore: number) =>
      uow.run((tx) =>
        tx.ledger.postWith(
          aReceiptDraft(user.id, {
            kind: 'xsolla_payment',
            delta: 10,
            balanceBefore,
            balanceAfter: balanceBefore + 10,
          }),
          {
            xsollaPayment: {
              transaction: { ...awaitingPayment(transactionId, user.id), creditedPoints: 10 },
              operation: aReceiptlessPaymentOperation(user.id, notificationId, transactionId),
            },
          },
        ),
      );
    const first = await pay('1003', 0);
    await handOutOnce('xsolla_transactions', await idOf('xsolla_transactions', { transaction_id: '1003' }));

    const second = await pay('1004', 10);

    expect(await stillToHandOut()).toBe(0);
    const rows: unknown[] = await database
      .knex('xsolla_transactions')
      .whereIn('transaction_id', ['1003', '1004'])
      .orderBy('transaction_id')
      .select('transaction_id', 'payment_receipt_id');
    expect(rows).toEqual([
      { transaction_id: '1003', payment_receipt_id: String(first.receipt.id) },
      { transaction_id: '1004', payment_receipt_id: String(second.receipt.id) },
    ]);
    expect(await uow.run((tx) => tx.users.findById(user.id))).toMatchObject({ points: 20 });
  });

  it('upserts a new item, and the item under the id keeps its own fields', async () => {
    const sticker = await uow.run((tx) =>
      tx.items.upsertBySku(anItemDraft().with({ sku: 'sticker', name: '스티커', price: 100 }).build(), AT),
    );
    await handOutOnce('items', sticker.id);

    const badge = await uow.run((tx) =>
      tx.items.upsertBySku(anItemDraft().with({ sku: 'badge', name: '배지', price: 300 }).build(), AT),
    );

    expect(await stillToHandOut()).toBe(0);
    expect(badge).toMatchObject({ sku: 'badge', name: '배지', price: 300 });
    expect(badge.id).not.toBe(sticker.id);
    expect(await uow.run((tx) => tx.items.findById(sticker.id))).toEqual(sticker);
  });

  it('inserts a new user rather than answer that the Discord id is taken', async () => {
    const first = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    await handOutOnce('users', first.id);

    const second = await uow.run((tx) => tx.users.insert(aNewUser()));

    expect(await stillToHandOut()).toBe(0);
    expect(second).toMatchObject({ id: expect.any(Number) });
    expect((second as User).id).not.toBe(first.id);
  });

  it('stores a new Xsolla operation rather than answer it is a duplicate (which would drop a payment)', async () => {
    const user = (await uow.run((tx) => tx.users.insert(aNewUser()))) as User;
    const notificationId = await uow.run((tx) =>
      tx.xsollaInbox.record({
        type: 'payment',
        externalId: '2001',
        userRef: '7',
        body: Buffer.from('{}'),
        receivedAt: AT,
      }),
    );
    const operation = (externalId: string) => aPaymentOperation(user.id, notificationId, externalId);
    const first = (await uow.run((tx) => tx.xsollaPayments.insertOperation(operation('2001')))) as XsollaOperation;
    await handOutOnce('xsolla_operations', first.id);

    const second = await uow.run((tx) => tx.xsollaPayments.insertOperation(operation('2002')));

    expect(await stillToHandOut()).toBe(0);
    expect(second).toMatchObject({ externalId: '2002', id: expect.any(Number) });
    expect((second as XsollaOperation).id).not.toBe(first.id);
  });
});
