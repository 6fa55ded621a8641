import { z } from 'zod';

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'USER_NOT_FOUND' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
    message: z.string(),
  })
  .meta({ id: 'Error' });
