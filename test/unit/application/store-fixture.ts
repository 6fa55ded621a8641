import { RecordedEvents } from '../../support/recorded-events';
import { ChangePoints } from '../../../src/application/change-points';
import { PurchaseItem } from '../../../src/application/purchase-item';
import { RegisterUser } from '../../../src/application/register-user';
import { Item, ItemDraft } from '../../../src/domain/item';
import { UserItem } from '../../../src/domain/user-item';
import { Builder } from '../../support/builders/builder';
import { anItemDraft } from '../../support/builders/item';
import { FixedClock } from '../../support/fixed-clock';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';

/** One registered user on an in-memory unit of work, with a clock and the means to stock the store. */
export interface StoreFixture {
  uow: InMemoryUnitOfWork;
  clock: FixedClock;
  userId: number;
  discordId: string;
  /** Puts an item in the catalogue (upsert by SKU, as the items import does). */
  stock(draft?: Builder<ItemDraft>): Promise<Item>;
  /** Stocks the item and buys it for the user, who must hold enough points. */
  buy(draft?: Builder<ItemDraft>): Promise<UserItem>;
  grant(points: number): Promise<void>;
  balance(): number | undefined;
  /** The sum of the user's receipts, which the balance must always equal. */
  ledgerSum(): number;
}

export async function openStore(): Promise<StoreFixture> {
  const uow = new InMemoryUnitOfWork();
  const clock = new FixedClock(new Date('2026-11-10T03:00:00Z'));
  const discordId = '368003617146880001';
  const registered = await new RegisterUser(uow, clock).execute({ discordId, name: 'lara', email: null });
  if (!registered.ok) throw new Error('registration failed');
  const userId = registered.value.id;
  const stock = (draft = anItemDraft()) => uow.run((tx) => tx.items.upsertBySku(draft.build(), clock.now()));
  return {
    uow,
    clock,
    userId,
    discordId,
    stock,
    async buy(draft) {
      const item = await stock(draft);
      const bought = await new PurchaseItem(uow, clock, new RecordedEvents()).execute({
        userId,
        itemId: item.id,
        source: 'cli',
      });
      if (!bought.ok) throw new Error(`purchase failed: ${bought.failure.type}`);
      return bought.value.userItem;
    },
    async grant(points) {
      const granted = await new ChangePoints(uow, clock, new RecordedEvents()).execute({
        userId,
        points,
        source: 'cli',
      });
      if (!granted.ok) throw new Error(`grant failed: ${granted.failure.type}`);
    },
    balance: () => uow.snapshot().users.get(userId)?.points,
    ledgerSum: () =>
      uow
        .snapshot()
        .receipts.filter((receipt) => receipt.userId === userId)
        .reduce((sum, receipt) => sum + receipt.delta, 0),
  };
}
