import { z } from 'zod';
import { BOXES } from '../../../domain/box';
import { ErrorResponse } from './error-schema';

export const AttendanceResponse = z
  .object({
    key_count: z.number().int().meta({ description: 'Keys held, 0 to 10' }),
    checked_in_today: z.boolean().meta({ description: 'Checked in on the current Asia/Seoul day' }),
    last_checked_in_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Attendance' });

export const CheckInResponse = z
  .object({ status: z.literal('success'), key_count: z.number().int() })
  .meta({ id: 'CheckIn' });

/** The legacy 409 bodies of a check-in: `status` says why, and there is no `error` key (bots read one as a fault). */
export const CheckInRefusal = z
  .union([
    z.object({
      status: z.literal('exist_attendance'),
      diff: z.string().meta({ description: 'Time until the next Asia/Seoul day', example: '5h 3m 2s' }),
      code: z.string().meta({ example: 'EXIST_ATTENDANCE' }),
      message: z.string(),
    }),
    z.object({
      status: z.literal('max_key_count'),
      key_count: z.number().int(),
      code: z.string().meta({ example: 'MAX_KEY_COUNT' }),
      message: z.string(),
    }),
  ])
  .meta({ id: 'CheckInRefusal' });

const box = z.enum(BOXES).meta({ description: 'The box to open' });

/** `isPremium` as the legacy bot writes it. */
const premiumText = z.enum(['0', '1', 'true', 'false']).transform((flag) => flag === '1' || flag === 'true');

const premiumDescription = { description: 'A premium user pays fewer keys for silver and gold; false when absent' };

/** The legacy bot sends the box in the query string. */
export const UnpackQuery = z.strictObject({
  box: box.optional(),
  isPremium: premiumText.optional().meta(premiumDescription),
});

/** The same choice as a JSON body, where `isPremium` may also be a JSON boolean or 0/1. */
export const UnpackBody = z
  .strictObject({
    box: box.optional(),
    isPremium: z
      .union([z.boolean(), z.union([z.literal(0), z.literal(1)]).transform((flag) => flag === 1), premiumText])
      .optional()
      .meta(premiumDescription),
  })
  .meta({ id: 'Unpack' });

export const UnpackResponse = z
  .object({
    point: z.number().int().meta({ description: 'The prize, credited to the balance' }),
    key_count: z.number().int().meta({ description: 'Keys left' }),
  })
  .meta({ id: 'Unpacked' });

/** NOT_ENOUGH_KEYS repeats the keys held at the top level, where the legacy bot reads `key_count`. */
export const NotEnoughKeysResponse = ErrorResponse.extend({ key_count: z.number().int().optional() }).meta({
  id: 'NotEnoughKeys',
});

/** The box asked for, from the query string or else the body: one of the two must name it. */
export const UnpackChoice = z.object({
  box: z.enum(BOXES, { error: 'must be bronze, silver or gold, in the query string or the JSON body' }),
  isPremium: z.boolean(),
});
