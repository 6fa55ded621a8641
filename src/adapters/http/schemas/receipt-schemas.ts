import { z } from 'zod';
import { RECEIPT_KINDS } from '../../../domain/receipt';
import { recordId } from './id-schemas';
import { pageResponse } from './page-schemas';

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

export const ReceiptPageResponse = pageResponse(ReceiptResponse, 'ReceiptPage');
