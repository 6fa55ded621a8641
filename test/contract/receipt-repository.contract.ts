import { Receipt } from '../../src/domain/receipt';
import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { StaleBalanceError } from '../../src/application/ports/ledger';
import { awaitingPayment } from '../../src/domain/xsolla-transaction';
import { anItemDraft } from '../support/builders/item';
import {
  aNewUser,
  aPaymentOperation,
  aPosting,
  aReceiptDraft,
  aReceiptlessPaymentOperation,
  AT,
  aUserItemDraft,
} from './support/records';

export function receiptRepositoryContract(target: () => PersistenceTarget): void {
  describe('Ledger and ReceiptRepository', () => {
    const uow = emptiedBeforeEach(target);
    const newUserId = async (): Promise<number> => ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).id;
    /** Refused as stale (a unit of work that retries conflicts gives up with it as the cause): 100 points, one receipt. */
    const expectRefusedAsStale = async (refused: unknown, userId: number): Promise<void> => {
      expect(refused instanceof StaleBalanceError || (refused as Error).cause instanceof StaleBalanceError).toBe(true);
      expect((await uow().run((tx) => tx.users.findById(userId)))?.points).toBe(100);
      expect(
        (await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 10, beforeId: null }))).receipts,
      ).toHaveLength(1);
    };
    const aUserItem = (userId: number, itemId: number) => {
      const { receiptId: _receiptId, ...userItem } = aUserItemDraft(userId, itemId, null);
      return userItem;
    };
    const anItemId = async (): Promise<number> =>
      (await uow().run((tx) => tx.items.upsertBySku(anItemDraft().build(), AT))).id;

    it('posts a receipt with its balance change, and finds it by user and id', async () => {
      const userId = await newUserId();
      await uow().run((tx) => aPosting(tx, userId, { delta: 100 }));
      const draft = aReceiptDraft(userId, {
        kind: 'xsolla_refund',
        delta: -150,
        balanceBefore: 100,
        balanceAfter: -50,
        reason: '환불 refund',
        source: 'xsolla',
        externalRef: '1234567890',
        debt: true,
      });
      const receipt = await uow().run((tx) => tx.ledger.post(draft));
      expect(receipt).toEqual({ id: expect.any(Number), ...draft });
      expect(await uow().run((tx) => tx.receipts.findById(userId, receipt.id))).toEqual(receipt);
      expect(await uow().run((tx) => tx.users.findById(userId))).toMatchObject({
        points: -50,
        updatedAt: draft.createdAt,
      });
    });

    it('refuses a posting decided on a balance that is no longer stored, and writes nothing', async () => {
      const userId = await newUserId();
      await uow().run((tx) => aPosting(tx, userId, { delta: 100 }));
      const stale = aReceiptDraft(userId, { delta: 5, balanceBefore: 0, balanceAfter: 5 });
      const refused: unknown = await uow()
        .run((tx) => tx.ledger.post(stale))
        .catch((error: unknown) => error);
      await expectRefusedAsStale(refused, userId);
    });

    it('posts a receipt with the rows that name it, each written with its id', async () => {
      const userId = await newUserId();
      const itemId = await anItemId();
      const notificationId = await uow().run((tx) =>
        tx.xsollaInbox.record({
          type: 'payment',
          externalId: '77',
          userRef: null,
          body: Buffer.from('{}'),
          receivedAt: AT,
        }),
      );
      const draft = aReceiptDraft(userId, { kind: 'xsolla_payment', delta: 10, balanceAfter: 10, source: 'xsolla' });
      const posted = await uow().run((tx) =>
        tx.commitWith(
          tx.ledger.postWith(draft, {
            userItems: [aUserItem(userId, itemId), aUserItem(userId, itemId)],
            xsollaPayment: {
              transaction: { ...awaitingPayment('77', userId), creditedPoints: 10 },
              operation: aReceiptlessPaymentOperation(userId, notificationId, '77'),
            },
          }),
        ),
      );

      expect(posted.receipt).toEqual({ id: expect.any(Number), ...draft });
      const receiptId = posted.receipt.id;
      expect(posted.userItems).toEqual([
        { id: expect.any(Number), ...aUserItemDraft(userId, itemId, receiptId) },
        { id: expect.any(Number), ...aUserItemDraft(userId, itemId, receiptId) },
      ]);
      expect(new Set(posted.userItems.map((userItem) => userItem.id)).size).toBe(2);
      for (const userItem of posted.userItems) {
        expect(await uow().run((tx) => tx.userItems.findById(userId, userItem.id))).toEqual(userItem);
      }
      expect(await uow().run((tx) => tx.xsollaPayments.findTransaction('77'))).toMatchObject({
        userId,
        paymentReceiptId: receiptId,
        creditedPoints: 10,
      });
      expect(
        await uow().run((tx) => tx.xsollaPayments.insertOperation(aPaymentOperation(userId, notificationId, '77'))),
      ).toBe('duplicate');
      expect(await uow().run((tx) => tx.users.findById(userId))).toMatchObject({ points: 10 });
    });

    it('refuses a stale posting sent with its COMMIT and the rows that name it, and writes none of them', async () => {
      const userId = await newUserId();
      await uow().run((tx) => aPosting(tx, userId, { delta: 100 }));
      const itemId = await anItemId();
      const stale = aReceiptDraft(userId, { kind: 'purchase', delta: -40, balanceBefore: 50, balanceAfter: 10 });

      const refused: unknown = await uow()
        .run((tx) => tx.commitWith(tx.ledger.postWith(stale, { userItems: [aUserItem(userId, itemId)] })))
        .catch((error: unknown) => error);

      await expectRefusedAsStale(refused, userId);
      expect(
        (await uow().run((tx) => tx.userItems.listByUser(userId, { limit: 10, beforeId: null }))).userItems,
      ).toEqual([]);
    });

    it("does not find a receipt under another user's id, or one that does not exist", async () => {
      const owner = await newUserId();
      const other = await newUserId();
      const receipt = await uow().run((tx) => aPosting(tx, owner));
      await uow().run(async (tx) => {
        expect(await tx.receipts.findById(other, receipt.id)).toBeNull();
        expect(await tx.receipts.findById(owner, receipt.id + 1000)).toBeNull();
      });
    });

    it('refuses a receipt for a user that does not exist', async () => {
      const userId = await newUserId();
      await expect(uow().run((tx) => tx.ledger.post(aReceiptDraft(userId + 1000)))).rejects.toThrow();
    });

    it("lists a user's receipts newest first, page after page", async () => {
      const userId = await newUserId();
      const other = await newUserId();
      const appended: Receipt[] = [];
      for (let n = 1; n <= 5; n += 1) {
        appended.push(await uow().run((tx) => aPosting(tx, userId, { delta: n })));
        await uow().run((tx) => aPosting(tx, other));
      }
      const newestFirst = [...appended].reverse();

      const first = await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 2, beforeId: null }));
      expect(first).toEqual({ receipts: newestFirst.slice(0, 2), more: true });
      const second = await uow().run((tx) =>
        tx.receipts.listByUser(userId, { limit: 2, beforeId: first.receipts[1]!.id }),
      );
      expect(second).toEqual({ receipts: newestFirst.slice(2, 4), more: true });
      const last = await uow().run((tx) =>
        tx.receipts.listByUser(userId, { limit: 2, beforeId: second.receipts[1]!.id }),
      );
      expect(last).toEqual({ receipts: newestFirst.slice(4), more: false });
    });

    it('says there is no more when the page holds exactly the rest', async () => {
      const userId = await newUserId();
      for (let n = 0; n < 3; n += 1) await uow().run((tx) => aPosting(tx, userId));
      const page = await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 3, beforeId: null }));
      expect(page.receipts).toHaveLength(3);
      expect(page.more).toBe(false);
    });

    it('lists nothing for a user without receipts', async () => {
      const userId = await newUserId();
      expect(await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 20, beforeId: null }))).toEqual({
        receipts: [],
        more: false,
      });
    });
  });
}
