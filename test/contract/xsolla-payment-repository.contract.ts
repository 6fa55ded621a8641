import { NewXsollaOperation } from '../../src/domain/xsolla-operation';
import { XsollaTransaction } from '../../src/domain/xsolla-transaction';
import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, aPosting, AT } from './support/records';

const LATER = new Date(AT.getTime() + 60_001);
/** Beyond 2^53: only a string keeps it. */
const BIG_ID = '9007199254740993';

export function xsollaPaymentRepositoryContract(target: () => PersistenceTarget): void {
  describe('XsollaInbox and XsollaPaymentRepository', () => {
    const uow = emptiedBeforeEach(target);
    const newUserId = async (): Promise<number> => ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).id;
    const aDelivery = () =>
      uow().run((tx) =>
        tx.xsollaInbox.record({
          type: 'payment',
          externalId: BIG_ID,
          userRef: '7',
          body: Buffer.from('{"notification_type": "payment", "name": "파랑 \u{1F30A}"}'),
          receivedAt: AT,
        }),
      );
    const anOperation = (fields: Partial<NewXsollaOperation> & { userId: number; notificationId: number }) => ({
      kind: 'payment' as const,
      externalId: BIG_ID,
      state: 'applied' as const,
      request: null,
      receiptId: null,
      createdAt: AT,
      appliedAt: AT,
      ...fields,
    });

    it('stores deliveries under their own ids and settles them; settling a delivery never stored fails', async () => {
      const first = await aDelivery();
      const second = await aDelivery();
      expect(second).not.toBe(first);
      await uow().run((tx) => tx.xsollaInbox.settle(first, 'applied', LATER));
      await expect(uow().run((tx) => tx.xsollaInbox.settle(second + 1000, 'applied', LATER))).rejects.toThrow();
    });

    it('stores an operation once under (kind, external id); the same key again is a duplicate', async () => {
      const userId = await newUserId();
      const notificationId = await aDelivery();
      const operation = anOperation({ userId, notificationId });

      const stored = await uow().run((tx) => tx.xsollaPayments.insertOperation(operation));
      expect(stored).toEqual({ id: expect.any(Number), ...operation });
      expect(await uow().run((tx) => tx.xsollaPayments.insertOperation(operation))).toBe('duplicate');
      const refund = anOperation({ userId, notificationId, kind: 'refund', state: 'deferred', appliedAt: null });
      expect(await uow().run((tx) => tx.xsollaPayments.insertOperation(refund))).toMatchObject({ kind: 'refund' });
      const other = anOperation({ userId, notificationId, externalId: `${BIG_ID}0` });
      expect(await uow().run((tx) => tx.xsollaPayments.insertOperation(other))).toMatchObject({ kind: 'payment' });
    });

    it('claims a transaction: one never heard of is stored awaiting its payment, a known one is kept as it is', async () => {
      const userId = await newUserId();
      const otherId = await newUserId();
      const waiting: XsollaTransaction = {
        transactionId: BIG_ID,
        userId,
        paymentReceiptId: null,
        creditedPoints: 0,
        reversedPoints: 0,
        payment: null,
        dryRun: false,
      };
      expect(await uow().run((tx) => tx.xsollaPayments.claimTransaction(BIG_ID, userId, AT))).toEqual(waiting);
      expect(await uow().run((tx) => tx.xsollaPayments.claimTransaction(BIG_ID, otherId, LATER))).toEqual(waiting);

      const receipt = await uow().run((tx) => aPosting(tx, userId, { kind: 'xsolla_payment' }));
      const paid: XsollaTransaction = {
        ...waiting,
        paymentReceiptId: receipt.id,
        creditedPoints: Number.MAX_SAFE_INTEGER,
        reversedPoints: 3,
        payment: { amount: '12345678901234567.99', currency: 'USD' },
        dryRun: true,
      };
      await uow().run((tx) => tx.xsollaPayments.saveTransaction(paid, LATER));
      expect(await uow().run((tx) => tx.xsollaPayments.claimTransaction(BIG_ID, otherId, LATER))).toEqual(paid);
    });

    it("lists a transaction's deferred reversals oldest first, with their requests, until they are applied", async () => {
      const userId = await newUserId();
      const notificationId = await aDelivery();
      const deferred = { userId, notificationId, state: 'deferred' as const, appliedAt: null };
      const partial = { whole: false as const, goods: { points: 4, items: [{ sku: 'gem', count: 2 }] } };
      const [refund, partialRefund] = await uow().run(async (tx) => [
        await tx.xsollaPayments.insertOperation(anOperation({ ...deferred, kind: 'refund', request: { whole: true } })),
        await tx.xsollaPayments.insertOperation(anOperation({ ...deferred, kind: 'partial_refund', request: partial })),
        await tx.xsollaPayments.insertOperation(anOperation({ userId, notificationId, kind: 'afs_reject' })),
        await tx.xsollaPayments.insertOperation(
          anOperation({ ...deferred, kind: 'user_balance_operation', externalId: BIG_ID }),
        ),
        await tx.xsollaPayments.insertOperation(anOperation({ ...deferred, kind: 'refund', externalId: '17' })),
      ]);

      const listed = await uow().run((tx) => tx.xsollaPayments.deferredReversals(BIG_ID));
      expect(listed).toEqual([refund, partialRefund]);

      const receipt = await uow().run((tx) => aPosting(tx, userId, { kind: 'xsolla_refund', delta: -1 }));
      await uow().run(async (tx) => {
        await tx.xsollaPayments.markApplied((refund as { id: number }).id, receipt.id, LATER);
        await tx.xsollaPayments.markApplied((partialRefund as { id: number }).id, null, LATER);
      });
      expect(await uow().run((tx) => tx.xsollaPayments.deferredReversals(BIG_ID))).toEqual([]);
      await expect(uow().run((tx) => tx.xsollaPayments.markApplied(999_999, null, LATER))).rejects.toThrow();
    });
  });
}
