import { Item } from '../../../src/domain/item';
import { User } from '../../../src/domain/user';
import { UserItem, UserItemStatus } from '../../../src/domain/user-item';
import { Builder, BUILT_AT } from './builder';

class UserItemBuilder extends Builder<UserItem> {
  ownedBy(user: User): this {
    return this.with({ userId: user.id });
  }

  /** The user item of this item, bought at its current price. */
  of(item: Item): this {
    return this.with({ itemId: item.id, pricePaid: item.price });
  }

  paid(pricePaid: number): this {
    return this.with({ pricePaid });
  }

  boughtAt(at: Date): this {
    return this.with({ createdAt: at, updatedAt: at });
  }

  withStatus(status: UserItemStatus): this {
    return this.with({ status });
  }

  expiringAt(expiresAt: Date): this {
    return this.with({ expiresAt });
  }

  viaXsolla(): this {
    return this.with({ acquiredVia: 'xsolla', receiptId: null });
  }
}

/** An active user item of `aUser()` and `anItem()`, bought for 40 points at BUILT_AT. */
export const aUserItem = (): UserItemBuilder =>
  new UserItemBuilder({
    id: 3,
    userId: 7,
    itemId: 5,
    receiptId: 12,
    pricePaid: 40,
    status: 'active',
    expiresAt: null,
    acquiredVia: 'points',
    withdrawnAt: null,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
  });
