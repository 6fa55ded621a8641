import { z } from 'zod';
import { DISCORD_ID_PATTERN } from '../../../domain/discord-id';

/** A numeric id in a path: plain decimal digits only (no sign, exponent or hex that `Number()` would accept). */
export const recordId = (description: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, { error: 'must be a positive integer' })
    .transform(Number)
    .pipe(z.number().int())
    .meta({ description, type: 'integer', example: 7 });

/** A Discord snowflake; as a JSON number it would already have lost digits, so only a string is accepted. */
export const discordId = (description: string) =>
  z
    .string({
      // A missing value keeps zod's own "expected string, received undefined".
      error: (issue) =>
        issue.input === undefined ? undefined : 'must be a string of 17 to 20 digits (a JSON number loses digits)',
    })
    .regex(DISCORD_ID_PATTERN, { error: 'must be a string of 17 to 20 digits' })
    .meta({ description, example: '368003617146880001' });
