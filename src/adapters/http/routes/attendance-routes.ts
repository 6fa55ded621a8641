import { AnyEndpoint, botWithScope, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { answer, answerWith } from '../answer';
import {
  checkInRefusal,
  presentAttendance,
  presentCheckIn,
  presentOpenedBox,
  unpackRefusal,
} from '../presenters/attendance-presenter';
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
      auth: botWithScope('attendance'),
      params: DiscordIdParams,
      success: {
        status: 200,
        description: 'The attendance, keys 0 when the user never checked in',
        schema: AttendanceResponse,
      },
      failures: { UserNotFound: true },
      handle: async ({ params }) =>
        answer(await deps.getAttendance.execute({ discordId: params.discordId }), 200, presentAttendance),
    }),
    defineEndpoint({
      method: 'post',
      path: '/discords/{discordId}/attendances',
      summary: 'Check in for the Asia/Seoul day and earn a key (201 the first time ever, 200 after)',
      auth: botWithScope('attendance'),
      params: DiscordIdParams,
      success: { status: 200, description: 'Checked in; 201 on the first check-in ever', schema: CheckInResponse },
      failures: { UserNotFound: true, AlreadyCheckedIn: true, MaxKeyCount: true },
      failureBodies: { 409: CheckInRefusal },
      presentFailure: checkInRefusal,
      handle: async ({ params }) =>
        answerWith(await deps.checkIn.execute({ discordId: params.discordId }), presentCheckIn),
    }),
    defineEndpoint({
      method: 'post',
      path: '/discords/{discordId}/attendances/unpack',
      summary: 'Spend keys on a box and win points; `box` and `isPremium` in the query string or the JSON body',
      auth: botWithScope('attendance'),
      params: DiscordIdParams,
      query: UnpackQuery,
      body: UnpackBody,
      idempotent: true,
      success: { status: 200, description: 'The prize and the keys left', schema: UnpackResponse },
      failures: {
        UserNotFound: true,
        NotEnoughKeys: true,
        BalanceOutOfRange: true,
        IdempotencyKeyReused: true,
        IdempotencyKeyInUse: true,
      },
      failureBodies: { 400: NotEnoughKeysResponse },
      presentFailure: unpackRefusal,
      handle: async ({ params, query, body, client, idempotency }) => {
        const choice = validate('query', UnpackChoice, {
          box: query.box ?? body.box,
          isPremium: query.isPremium ?? body.isPremium ?? false,
        });
        const opened = await deps.openBox.execute({
          discordId: params.discordId,
          box: choice.box,
          premium: choice.isPremium,
          source: `client:${client.name}`,
          idempotency,
        });
        return answer(opened, 200, presentOpenedBox);
      },
    }),
  ];
}
