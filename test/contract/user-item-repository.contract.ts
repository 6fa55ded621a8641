import { UserItem } from '../../src/domain/user-item';
import { User } from '../../src/domain/user';
import { anItemDraft } from '../support/builders/item';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, aPosting, AT, aUserItemDraft } from './support/records';

const LATER = new Date(AT.getTime() + 86_400_001);

export function userItemRepositoryContract(target: () => PersistenceTarget): void {
  describe('UserItemRepository', () => {
    const uow = emptiedBeforeEach(target);
    const newUserId = async (): Promise<number> => ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).id;
    const newItemId = async (sku = 'gem'): Promise<number> =>
      (await uow().run((tx) => tx.items.upsertBySku(anItemDraft().with({ sku }).build(), AT))).id;
    const newReceiptId = async (userId: number): Promise<number> =>
      (await uow().run((tx) => aPosting(tx, userId, { kind: 'purchase', delta: -40, debt: true }))).id;
    /** A user item of a new user and a new item, bought with points. */
    const aPurchase = async (): Promise<UserItem> => {
      const userId = await newUserId();
      const draft = aUserItemDraft(userId, await newItemId(), await newReceiptId(userId));
      return uow().run((tx) => tx.userItems.insert(draft));
    };

    it('inserts a user item and finds it by user and id, locking or not', async () => {
      const userId = await newUserId();
      const draft = aUserItemDraft(userId, await newItemId(), await newReceiptId(userId), {
        pricePaid: Number.MAX_SAFE_INTEGER,
        expiresAt: LATER,
      });
      const userItem = await uow().run((tx) => tx.userItems.insert(draft));
      expect(userItem).toEqual({ id: expect.any(Number), ...draft });
      await uow().run(async (tx) => {
        expect(await tx.userItems.findById(userId, userItem.id)).toEqual(userItem);
        expect(await tx.userItems.lockById(userId, userItem.id)).toEqual(userItem);
      });
    });

    it('keeps an item that came with a Xsolla payment, without a receipt', async () => {
      const userId = await newUserId();
      const draft = aUserItemDraft(userId, await newItemId(), null, { acquiredVia: 'xsolla', pricePaid: 0 });
      const userItem = await uow().run((tx) => tx.userItems.insert(draft));
      expect(await uow().run((tx) => tx.userItems.findById(userId, userItem.id))).toEqual({
        id: userItem.id,
        ...draft,
      });
    });

    it("lists the user's items of one receipt, oldest first", async () => {
      const userId = await newUserId();
      const itemId = await newItemId();
      const receiptId = await newReceiptId(userId);
      const otherReceiptId = await newReceiptId(userId);
      const [first, second] = await uow().run(async (tx) => [
        await tx.userItems.insert(aUserItemDraft(userId, itemId, receiptId, { acquiredVia: 'xsolla' })),
        await tx.userItems.insert(aUserItemDraft(userId, itemId, receiptId, { status: 'refunded' })),
        await tx.userItems.insert(aUserItemDraft(userId, itemId, otherReceiptId)),
      ]);
      await uow().run(async (tx) => {
        expect(await tx.userItems.listByReceipt(userId, receiptId)).toEqual([first, second]);
        expect(await tx.userItems.listByReceipt(userId + 1000, receiptId)).toEqual([]);
      });
    });

    it("does not find a user item under another user's id, or one that does not exist", async () => {
      const userItem = await aPurchase();
      const other = await newUserId();
      await uow().run(async (tx) => {
        expect(await tx.userItems.findById(other, userItem.id)).toBeNull();
        expect(await tx.userItems.lockById(other, userItem.id)).toBeNull();
        expect(await tx.userItems.findById(userItem.userId, userItem.id + 1000)).toBeNull();
        expect(await tx.userItems.lockById(userItem.userId, userItem.id + 1000)).toBeNull();
      });
    });

    it('refuses a user item of a user, item or receipt that does not exist', async () => {
      const userId = await newUserId();
      const itemId = await newItemId();
      const receiptId = await newReceiptId(userId);
      for (const draft of [
        aUserItemDraft(userId + 1000, itemId, null),
        aUserItemDraft(userId, itemId + 1000, null),
        aUserItemDraft(userId, itemId, receiptId + 1000),
      ]) {
        await expect(uow().run((tx) => tx.userItems.insert(draft))).rejects.toThrow();
      }
    });

    it("lists a user's items newest first, page after page", async () => {
      const userId = await newUserId();
      const other = await newUserId();
      const itemId = await newItemId();
      const inserted: UserItem[] = [];
      for (let n = 1; n <= 5; n += 1) {
        inserted.push(
          await uow().run((tx) => tx.userItems.insert(aUserItemDraft(userId, itemId, null, { pricePaid: n }))),
        );
        await uow().run((tx) => tx.userItems.insert(aUserItemDraft(other, itemId, null)));
      }
      const newestFirst = [...inserted].reverse();

      const first = await uow().run((tx) => tx.userItems.listByUser(userId, { limit: 2, beforeId: null }));
      expect(first).toEqual({ userItems: newestFirst.slice(0, 2), more: true });
      const second = await uow().run((tx) =>
        tx.userItems.listByUser(userId, { limit: 2, beforeId: first.userItems[1]!.id }),
      );
      expect(second).toEqual({ userItems: newestFirst.slice(2, 4), more: true });
      const last = await uow().run((tx) =>
        tx.userItems.listByUser(userId, { limit: 3, beforeId: second.userItems[1]!.id }),
      );
      expect(last).toEqual({ userItems: newestFirst.slice(4), more: false });
      const withoutItems = await newUserId();
      expect(await uow().run((tx) => tx.userItems.listByUser(withoutItems, { limit: 20, beforeId: null }))).toEqual({
        userItems: [],
        more: false,
      });
    });

    it("counts the user's items of one item that are not taken back (withdrawn, refunded)", async () => {
      const userId = await newUserId();
      const other = await newUserId();
      const itemId = await newItemId('gem');
      const otherItemId = await newItemId('coin');
      await uow().run(async (tx) => {
        for (const status of ['active', 'consumed', 'expired', 'withdrawn', 'refunded', 'withdrawn'] as const) {
          await tx.userItems.insert(aUserItemDraft(userId, itemId, null, { status }));
        }
        await tx.userItems.insert(aUserItemDraft(userId, otherItemId, null));
        await tx.userItems.insert(aUserItemDraft(other, itemId, null));
      });
      await uow().run(async (tx) => {
        expect(await tx.userItems.countTowardLimit(userId, itemId)).toBe(3);
        expect(await tx.userItems.countTowardLimit(userId, otherItemId)).toBe(1);
        expect(await tx.userItems.countTowardLimit(other, otherItemId)).toBe(0);
      });
    });

    it('saves status, withdrawnAt and updatedAt, and nothing else', async () => {
      const userItem = await aPurchase();
      const withdrawn: UserItem = { ...userItem, status: 'withdrawn', withdrawnAt: LATER, updatedAt: LATER };
      await uow().run((tx) =>
        tx.userItems.save({
          ...withdrawn,
          pricePaid: 1,
          expiresAt: LATER,
          acquiredVia: 'xsolla',
          receiptId: null,
          createdAt: LATER,
        }),
      );
      expect(await uow().run((tx) => tx.userItems.findById(userItem.userId, userItem.id))).toEqual(withdrawn);
    });

    it("refuses to save a user item that does not exist, or under another user's id", async () => {
      const userItem = await aPurchase();
      const other = await newUserId();
      await expect(uow().run((tx) => tx.userItems.save({ ...userItem, id: userItem.id + 1000 }))).rejects.toThrow(
        /no such row/,
      );
      await expect(
        uow().run((tx) => tx.userItems.save({ ...userItem, userId: other, status: 'consumed' })),
      ).rejects.toThrow(/no such row/);
      expect((await uow().run((tx) => tx.userItems.findById(userItem.userId, userItem.id)))?.status).toBe('active');
    });

    it("answers the user's latest withdrawal time, or null before any", async () => {
      const userId = await newUserId();
      const other = await newUserId();
      const itemId = await newItemId();
      const at = (hours: number): Date => new Date(AT.getTime() + hours * 3_600_000);
      expect(await uow().run((tx) => tx.userItems.latestWithdrawalAt(userId))).toBeNull();
      await uow().run(async (tx) => {
        await tx.userItems.insert(aUserItemDraft(userId, itemId, null));
        for (const hours of [5, 30, 2]) {
          await tx.userItems.insert(
            aUserItemDraft(userId, itemId, null, { status: 'withdrawn', withdrawnAt: at(hours) }),
          );
        }
        await tx.userItems.insert(aUserItemDraft(other, itemId, null, { status: 'withdrawn', withdrawnAt: at(99) }));
      });
      expect(await uow().run((tx) => tx.userItems.latestWithdrawalAt(userId))).toEqual(at(30));
    });
  });
}
