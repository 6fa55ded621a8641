import { z } from 'zod';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '../../../domain/user';
import { discordId, recordId } from './id-schemas';
import { storedText } from './text-schema';

const name = storedText(NAME_MAX_LENGTH).meta({ example: 'lara' });
const email = z.email().max(EMAIL_MAX_LENGTH).nullable().meta({ example: 'lara@example.com' });

export const UserIdParams = z.strictObject({ id: recordId('The user id') });

export const DiscordIdParams = z.strictObject({ discordId: discordId("The user's Discord id") });

export const RegisterUserBody = z
  .strictObject({ discord_id: discordId('Discord snowflake, as a string'), name, email: email.optional() })
  .meta({ id: 'RegisterUser' });

export const UpdateUserBody = z
  .strictObject({ name: name.optional(), email: email.optional() })
  .meta({ id: 'UpdateUser' });

export const UserResponse = z
  .object({
    id: z.number().int(),
    discord_id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    points: z.number().int(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'User' });
