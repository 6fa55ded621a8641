import { UserItem, UserItemDraft } from '../../domain/user-item';
import { PageRequest } from './page-request';

export interface UserItemPage {
  userItems: UserItem[];
  /** True when older user items follow the last one. */
  more: boolean;
}

/** Users' inventories. Reads answer the stored status; callers apply expiry with `asOf`. */
export interface UserItemRepository {
  insert(draft: UserItemDraft): Promise<UserItem>;
  findById(userId: number, userItemId: number): Promise<UserItem | null>;
  /** Reads the row and locks it (SELECT ... FOR UPDATE) until the transaction ends. */
  lockById(userId: number, userItemId: number): Promise<UserItem | null>;
  /** Newest first; `beforeId` continues after the last user item of the previous page. */
  listByUser(userId: number, page: PageRequest): Promise<UserItemPage>;
  /** What `max_per_user` counts (`countsTowardPurchaseLimit`): the user's items of this item, but those taken back. */
  countTowardLimit(userId: number, itemId: number): Promise<number>;
  /** The user items that came with a receipt (a Xsolla payment's), oldest first. */
  listByReceipt(userId: number, receiptId: number): Promise<UserItem[]>;
  /** Writes status, withdrawnAt and updatedAt of an existing user item. */
  save(userItem: UserItem): Promise<void>;
  /** The latest `withdrawnAt` among the user's items, or null when the user never withdrew one. */
  latestWithdrawalAt(userId: number): Promise<Date | null>;
}
