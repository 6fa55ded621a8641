import { HandleXsollaNotification } from '../../../src/application/handle-xsolla-notification';
import { RegisterUser } from '../../../src/application/register-user';
import { XsollaNotification } from '../../../src/domain/xsolla-notification';
import { anItemDraft } from '../../support/builders/item';
import { RecordedEvents } from '../../support/recorded-events';
import { openStore, StoreFixture } from './store-fixture';

/** A store whose user pays through Xsolla: the SKUs `gem` and `hat` are in the catalogue. */
export interface XsollaStore extends StoreFixture {
  events: RecordedEvents;
  handle(notification: XsollaNotification): ReturnType<HandleXsollaNotification['execute']>;
  /** The user's items by status, e.g. `{ gem: { active: 2, refunded: 1 } }`. */
  itemStatuses(): Record<string, Record<string, number>>;
  /** Registers a second user; answers its id. */
  registerAnother(): Promise<number>;
}

export async function openXsollaStore(): Promise<XsollaStore> {
  const store = await openStore();
  const events = new RecordedEvents();
  const handler = new HandleXsollaNotification(store.uow, store.clock, events);
  const stocked = await Promise.all(['gem', 'hat'].map((sku) => store.stock(anItemDraft().with({ sku }))));
  const skuOf = new Map(stocked.map((item) => [item.id, item.sku]));
  return {
    ...store,
    events,
    handle: (notification) =>
      handler.execute({ notification, body: Buffer.from(JSON.stringify({ notification_type: notification.type })) }),
    async registerAnother() {
      const registered = await new RegisterUser(store.uow, store.clock).execute({
        discordId: '368003617146880002',
        name: 'other',
        email: null,
      });
      if (!registered.ok) throw new Error('registration failed');
      return registered.value.id;
    },
    itemStatuses() {
      const statuses: Record<string, Record<string, number>> = {};
      for (const userItem of store.uow.snapshot().userItems.values()) {
        const sku = skuOf.get(userItem.itemId) ?? '?';
        statuses[sku] = { ...statuses[sku], [userItem.status]: (statuses[sku]?.[userItem.status] ?? 0) + 1 };
      }
      return statuses;
    },
  };
}
