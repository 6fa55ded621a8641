import { z } from 'zod';
import { Page } from '../../../application/page-cursor';
import { Item } from '../../../domain/item';
import { ItemPageResponse, ItemResponse } from '../schemas/item-schemas';
import { presentPage } from './page-presenter';

export const presentItem = (item: Item): z.infer<typeof ItemResponse> => ({
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

export const presentItemPage = (page: Page<Item>): z.infer<typeof ItemPageResponse> => presentPage(page, presentItem);
