import { Receipt } from '../../src/domain/receipt';
import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, aReceiptDraft } from './support/records';

export function receiptRepositoryContract(target: () => PersistenceTarget): void {
  describe('ReceiptRepository', () => {
    const uow = emptiedBeforeEach(target);
    const newUserId = async (): Promise<number> => ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).id;

    it('appends a receipt and finds it by user and id', async () => {
      const userId = await newUserId();
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
      const receipt = await uow().run((tx) => tx.receipts.append(draft));
      expect(receipt).toEqual({ id: expect.any(Number), ...draft });
      expect(await uow().run((tx) => tx.receipts.findById(userId, receipt.id))).toEqual(receipt);
    });

    it("does not find a receipt under another user's id, or one that does not exist", async () => {
      const owner = await newUserId();
      const other = await newUserId();
      const receipt = await uow().run((tx) => tx.receipts.append(aReceiptDraft(owner)));
      await uow().run(async (tx) => {
        expect(await tx.receipts.findById(other, receipt.id)).toBeNull();
        expect(await tx.receipts.findById(owner, receipt.id + 1000)).toBeNull();
      });
    });

    it('refuses a receipt for a user that does not exist', async () => {
      const userId = await newUserId();
      await expect(uow().run((tx) => tx.receipts.append(aReceiptDraft(userId + 1000)))).rejects.toThrow();
    });

    it("lists a user's receipts newest first, page after page", async () => {
      const userId = await newUserId();
      const other = await newUserId();
      const appended: Receipt[] = [];
      for (let n = 1; n <= 5; n += 1) {
        appended.push(await uow().run((tx) => tx.receipts.append(aReceiptDraft(userId, { delta: n }))));
        await uow().run((tx) => tx.receipts.append(aReceiptDraft(other)));
      }
      const newestFirst = [...appended].reverse();

      const first = await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 2, beforeId: null }));
      expect(first).toEqual({ receipts: newestFirst.slice(0, 2), more: true });
      const second = await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 2, beforeId: first.receipts[1]!.id }));
      expect(second).toEqual({ receipts: newestFirst.slice(2, 4), more: true });
      const last = await uow().run((tx) => tx.receipts.listByUser(userId, { limit: 2, beforeId: second.receipts[1]!.id }));
      expect(last).toEqual({ receipts: newestFirst.slice(4), more: false });
    });

    it('says there is no more when the page holds exactly the rest', async () => {
      const userId = await newUserId();
      for (let n = 0; n < 3; n += 1) await uow().run((tx) => tx.receipts.append(aReceiptDraft(userId)));
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
