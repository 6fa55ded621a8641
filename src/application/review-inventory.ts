import { Item } from '../domain/item';
import { UserItem } from '../domain/user-item';
import { FailureOf } from '../domain/failure';
import { ok, Result } from '../domain/result';
import { WithdrawalRefusal, withdrawalRefusal } from '../domain/withdrawal-policy';
import { readUserItemsPage, UserItemsQuery } from './list-user-items';
import { Page } from './page-cursor';
import { Clock } from './ports/clock';
import { Reads, UnitOfWork } from './ports/unit-of-work';

/** A user item as its owner sees it: what it is, and whether 청약철회 is open for it now (null) or why not. */
export interface InventoryEntry {
  userItem: UserItem;
  item: Item;
  withdrawalRefusal: WithdrawalRefusal | null;
}

type InventoryPage = Result<Page<InventoryEntry>, FailureOf<'UserNotFound' | 'InvalidCursor'>>;

/**
 * The inventory as the panel shows it: each user item with its catalogue item and the withdrawal rules asked of it
 * now, all in one snapshot so that the answer agrees with itself (the daily limit with the statuses it lists).
 */
export class ReviewInventory {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: UserItemsQuery): Promise<InventoryPage> {
    return this.uow.read(
      async (reads) => {
        const now = this.clock.now();
        const page = await readUserItemsPage(reads, input, now);
        if (!page.ok) return page;
        const lastWithdrawalAt = await reads.userItems.latestWithdrawalAt(input.userId);
        const items = await itemsOf(reads, page.value.data);
        const data = page.value.data.map((userItem) => {
          const item = items.get(userItem.itemId);
          if (!item) throw new Error(`User item ${userItem.id} refers to the missing item ${userItem.itemId}`);
          return { userItem, item, withdrawalRefusal: withdrawalRefusal({ item, userItem, lastWithdrawalAt, now }) };
        });
        return ok({ data, nextCursor: page.value.nextCursor });
      },
      { snapshot: true },
    );
  }
}

async function itemsOf(reads: Reads, userItems: UserItem[]): Promise<Map<number, Item>> {
  const items = new Map<number, Item>();
  for (const id of new Set(userItems.map((userItem) => userItem.itemId))) {
    const item = await reads.items.findById(id);
    if (item) items.set(id, item);
  }
  return items;
}
