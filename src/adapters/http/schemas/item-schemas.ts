import { z } from 'zod';
import { recordId } from './id-schemas';
import { pageResponse } from './page-schemas';

export const ItemIdParams = z.strictObject({ id: recordId('The item id') });

export const ItemResponse = z
  .object({
    id: z.number().int(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    image_url: z.string().nullable(),
    price: z.number().int().meta({ description: 'Points' }),
    sellable: z.boolean(),
    withdrawable: z.boolean(),
    expires_after_days: z.number().int().nullable(),
    max_per_user: z.number().int().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Item' });

export const ItemPageResponse = pageResponse(ItemResponse, 'ItemPage');
