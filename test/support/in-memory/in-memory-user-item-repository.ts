import { PageRequest } from '../../../src/application/ports/page-request';
import { UserItemPage, UserItemRepository } from '../../../src/application/ports/user-item-repository';
import { countsTowardPurchaseLimit } from '../../../src/domain/purchase';
import { UserItem, UserItemDraft } from '../../../src/domain/user-item';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';
import { newestFirstPage } from './newest-first-page';

export class InMemoryUserItemRepository implements UserItemRepository {
  constructor(private readonly state: InMemoryState) {}

  insert(draft: UserItemDraft): Promise<UserItem> {
    const missing = this.missingParent(draft);
    if (missing !== null)
      return Promise.reject(new Error(`A user item of ${missing}, which does not exist (foreign key)`));
    this.state.lastIds.userItem += 1;
    const userItem: UserItem = { id: this.state.lastIds.userItem, ...structuredClone(draft) };
    this.state.userItems.set(userItem.id, userItem);
    return Promise.resolve(structuredClone(userItem));
  }

  findById(userId: number, userItemId: number): Promise<UserItem | null> {
    const found = this.state.userItems.get(userItemId);
    return Promise.resolve(found?.userId === userId ? copyOrNull(found) : null);
  }

  // The unit of work runs one transaction at a time, so reading is locking.
  lockById(userId: number, userItemId: number): Promise<UserItem | null> {
    return this.findById(userId, userItemId);
  }

  listByUser(userId: number, page: PageRequest): Promise<UserItemPage> {
    const { records, more } = newestFirstPage(this.ofUser(userId), page);
    return Promise.resolve({ userItems: records, more });
  }

  countTowardLimit(userId: number, itemId: number): Promise<number> {
    const ofItem = this.ofUser(userId).filter((userItem) => userItem.itemId === itemId);
    return Promise.resolve(ofItem.filter(countsTowardPurchaseLimit).length);
  }

  listByReceipt(userId: number, receiptId: number): Promise<UserItem[]> {
    const ofReceipt = this.ofUser(userId).filter((userItem) => userItem.receiptId === receiptId);
    return Promise.resolve(structuredClone(ofReceipt.sort((a, b) => a.id - b.id)));
  }

  save(userItem: UserItem): Promise<void> {
    const stored = this.state.userItems.get(userItem.id);
    if (stored?.userId !== userItem.userId) {
      return Promise.reject(new Error(`Cannot save user item ${userItem.id} of user ${userItem.userId}: no such row`));
    }
    // Like the SQL adapter: only status, withdrawnAt and updatedAt change.
    const { status, withdrawnAt, updatedAt } = structuredClone(userItem);
    this.state.userItems.set(userItem.id, { ...stored, status, withdrawnAt, updatedAt });
    return Promise.resolve();
  }

  latestWithdrawalAt(userId: number): Promise<Date | null> {
    const times = this.ofUser(userId).flatMap(({ withdrawnAt }) => (withdrawnAt ? [withdrawnAt.getTime()] : []));
    return Promise.resolve(times.length === 0 ? null : new Date(Math.max(...times)));
  }

  private ofUser(userId: number): UserItem[] {
    return [...this.state.userItems.values()].filter((userItem) => userItem.userId === userId);
  }

  /** What a foreign key of the SQL tables would refuse, or null. */
  private missingParent(draft: UserItemDraft): string | null {
    if (!this.state.users.has(draft.userId)) return `user ${draft.userId}`;
    if (!this.state.items.has(draft.itemId)) return `item ${draft.itemId}`;
    if (draft.receiptId !== null && !this.state.receipts.some((receipt) => receipt.id === draft.receiptId)) {
      return `receipt ${draft.receiptId}`;
    }
    return null;
  }
}
