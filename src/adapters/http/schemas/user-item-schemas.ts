import { z } from 'zod';
import { USER_ITEM_STATUSES } from '../../../domain/user-item';
import { recordId } from './id-schemas';
import { pageResponse } from './page-schemas';
import { ReceiptResponse } from './receipt-schemas';

export const UserItemParams = z.strictObject({
  id: recordId('The user id'),
  userItemId: recordId('The user item id'),
});

export const PurchaseBody = z
  .strictObject({ item_id: z.number().int().positive().meta({ description: 'The item to buy', example: 5 }) })
  .meta({ id: 'Purchase' });

export const UpdateUserItemBody = z
  .strictObject({
    consumed: z.literal(true).optional().meta({ description: 'Marks the item used; an item cannot be un-used' }),
  })
  .meta({ id: 'UpdateUserItem' });

export const UserItemResponse = z
  .object({
    id: z.number().int(),
    item_id: z.number().int(),
    status: z.enum(USER_ITEM_STATUSES).meta({ description: 'As of the answer: past `expires_at`, an item is expired' }),
    price_paid: z.number().int(),
    expires_at: z.iso.datetime().nullable(),
    acquired_via: z.enum(['points', 'xsolla']),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'UserItem' });

export const UserItemPageResponse = pageResponse(UserItemResponse, 'UserItemPage');

export const UserItemTradeResponse = z
  .object({
    user_item: UserItemResponse,
    receipt: ReceiptResponse,
    points: z.number().int().meta({ description: 'The new balance' }),
  })
  .meta({ id: 'UserItemTrade' });
