import { AnyEndpoint, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { answer } from '../answer';
import { checkInAnswer, presentAttendance, unpackAnswer } from '../presenters/attendance-presenter';
import {
  AttendanceResponse,
  CheckInRefusal,
  CheckInResponse,
  NotEnoughKeysResponse,
  UnpackBody,
  UnpackChoice,
  UnpackQuery,
  UnpackResponse,
} from '../schemas/attendance-schemas';
import { DiscordIdParams } from '../schemas/user-schemas';
import { validate } from '../validate';

/** The attendance bot's routes, by Discord id, in the legacy shapes it parses (PRODUCT.md §3). */
export function attendanceRoutes(deps: Pick<HttpDependencies, 'getAttendance' | 'checkIn' | 'openBox'>): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/discords/{discordId}/attendances',
      summary: 'Keys held and the last check-in',
      scope: 'attendance',
      params: DiscordIdParams,
      success: { status: 200, description: 'The attendance, keys 0 when the user never checked in', schema: AttendanceResponse },
      failures: ['UserNotFound'],
      handle: async ({ params }) =>
        answer(await deps.getAttendance.execute({ discordId: params.discordId }), 200, presentAttendance),
    }),
    defineEndpoint({
      method: 'post',
      path: '/discords/{discordId}/attendances',
      summary: 'Check in for the Asia/Seoul day and earn a key (201 the first time ever, 200 after)',
      scope: 'attendance',
      params: DiscordIdParams,
      success: { status: 200, description: 'Checked in; 201 on the first check-in ever', schema: CheckInResponse },
      failures: ['UserNotFound', 'AlreadyCheckedIn', 'MaxKeyCount'],
      failureBodies: { 409: CheckInRefusal },
      handle: async ({ params }) => checkInAnswer(await deps.checkIn.execute({ discordId: params.discordId })),
    }),
    defineEndpoint({
      method: 'post',
      path: '/discords/{discordId}/attendances/unpack',
      summary: 'Spend keys on a box and win points; `box` and `isPremium` in the query string or the JSON body',
      scope: 'attendance',
      params: DiscordIdParams,
      query: UnpackQuery,
      body: UnpackBody,
      idempotent: true,
      success: { status: 200, description: 'The prize and the keys left', schema: UnpackResponse },
      failures: ['UserNotFound', 'NotEnoughKeys', 'BalanceOutOfRange', 'IdempotencyKeyReused', 'IdempotencyKeyInUse'],
      failureBodies: { 400: NotEnoughKeysResponse },
      handle: async ({ params, query, body, client, idempotency }) => {
        const choice = validate('query', UnpackChoice, {
          box: query.box ?? body.box,
          isPremium: query.isPremium ?? body.isPremium ?? false,
        });
        return unpackAnswer(
          await deps.openBox.execute({
            discordId: params.discordId,
            box: choice.box,
            premium: choice.isPremium,
            source: `client:${client.name}`,
            idempotency,
          }),
        );
      },
    }),
  ];
}
