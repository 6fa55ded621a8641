import { z } from 'zod';

/** The header every money-moving POST reads; validated and documented from this one schema. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'A retry with the same key and body gets the first answer back for 24 hours' }),
});
