import { z } from 'zod';
import { RECEIPT_KINDS } from '../../../domain/receipt';
import { recordId } from './id-schemas';

export const ReceiptResponse = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    kind: z.enum(RECEIPT_KINDS),
    delta: z.number().int(),
    balance_before: z.number().int(),
    balance_after: z.number().int(),
    reason: z.string(),
    source: z.string(),
    external_ref: z.string().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Receipt' });

export const ReceiptParams = z.strictObject({ id: recordId('The user id'), receiptId: recordId('The receipt id') });

export const DEFAULT_PAGE_LIMIT = 20;

export const ReceiptListQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, { error: 'must be an integer from 1 to 100' })
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .default(DEFAULT_PAGE_LIMIT)
    .meta({ description: 'Page size, 1 to 100', type: 'integer' }),
  cursor: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "The previous page's `next_cursor`" }),
});

export const ReceiptPageResponse = z
  .object({ data: z.array(ReceiptResponse), next_cursor: z.string().nullable() })
  .meta({ id: 'ReceiptPage' });
