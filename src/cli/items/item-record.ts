import { Item } from '../../domain/item';

/** An item as `items list` prints it: the fields of an items file (so the list can be imported again), id and times. */
export const itemRecord = (item: Item) => ({
  id: item.id,
  sku: item.sku,
  name: item.name,
  description: item.description,
  image_url: item.imageUrl,
  price: item.price,
  sellable: item.sellable,
  withdrawable: item.withdrawable,
  expires_after_days: item.expiresAfterDays,
  max_per_user: item.maxPerUser,
  created_at: item.createdAt.toISOString(),
  updated_at: item.updatedAt.toISOString(),
});
