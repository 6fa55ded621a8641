import { z } from 'zod';
import { GRANT_REASON_MAX_LENGTH, MAX_GRANT } from '../../../domain/points';
import { ReceiptResponse } from './receipt-schemas';
import { storedText } from './text-schema';

export const ChangePointsBody = z
  .strictObject({
    points: z
      .number()
      .int()
      .min(-MAX_GRANT)
      .max(MAX_GRANT)
      .refine((points) => points !== 0, { error: 'must not be 0' })
      .meta({ description: 'Positive grants, negative deducts', example: 100 }),
    reason: storedText(GRANT_REASON_MAX_LENGTH).optional().meta({ description: 'Defaults to "bot grant"' }),
  })
  .meta({ id: 'ChangePoints' });

export const PointsChangedResponse = z
  .object({ receipt_id: z.number().int(), points: z.number().int(), receipt: ReceiptResponse })
  .meta({ id: 'PointsChanged' });
