import { z } from 'zod';

export const DEFAULT_PAGE_LIMIT = 20;

/** `?limit=&cursor=` of every list. */
export const PageQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, { error: 'must be an integer from 1 to 100' })
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .default(DEFAULT_PAGE_LIMIT)
    .meta({ description: 'Page size, 1 to 100', type: 'integer' }),
  cursor: z.string().min(1).optional().meta({ description: "The previous page's `next_cursor`" }),
});

/** `{data, next_cursor}` of a list of `entry`, registered in OpenAPI under `id`. */
export const pageResponse = <T extends z.ZodType>(entry: T, id: string) =>
  z.object({ data: z.array(entry), next_cursor: z.string().nullable() }).meta({ id });
