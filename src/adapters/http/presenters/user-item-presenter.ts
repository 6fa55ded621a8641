import { z } from 'zod';
import { Page } from '../../../application/page-cursor';
import { UserItemTrade } from '../../../application/purchase-item';
import { UserItem } from '../../../domain/user-item';
import { UserItemPageResponse, UserItemResponse, UserItemTradeResponse } from '../schemas/user-item-schemas';
import { presentPage } from './page-presenter';
import { presentReceipt } from './receipt-presenter';

export const presentUserItem = (userItem: UserItem): z.infer<typeof UserItemResponse> => ({
  id: userItem.id,
  item_id: userItem.itemId,
  status: userItem.status,
  price_paid: userItem.pricePaid,
  expires_at: userItem.expiresAt?.toISOString() ?? null,
  acquired_via: userItem.acquiredVia,
  created_at: userItem.createdAt.toISOString(),
});

export const presentUserItemPage = (page: Page<UserItem>): z.infer<typeof UserItemPageResponse> =>
  presentPage(page, presentUserItem);

/** A purchase or a withdrawal: the user item, the receipt of the points it moved, the new balance. */
export const presentUserItemTrade = (trade: UserItemTrade): z.infer<typeof UserItemTradeResponse> => ({
  user_item: presentUserItem(trade.userItem),
  receipt: presentReceipt(trade.receipt),
  points: trade.points,
});
