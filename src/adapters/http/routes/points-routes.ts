import { answer } from '../answer';
import { AnyEndpoint, botWithScope, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { presentPointsChanged } from '../presenters/points-presenter';
import { ChangePointsBody, PointsChangedResponse } from '../schemas/points-schemas';
import { UserIdParams } from '../schemas/user-schemas';

export function pointsRoutes(deps: Pick<HttpDependencies, 'changePoints'>): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'post',
      path: '/users/{id}/points',
      summary: 'Grant (positive) or deduct (negative) points',
      auth: botWithScope('points:grant'),
      params: UserIdParams,
      body: ChangePointsBody,
      idempotent: true,
      success: { status: 201, description: 'The receipt and the new balance', schema: PointsChangedResponse },
      failures: {
        UserNotFound: true,
        InsufficientPoints: true,
        BalanceOutOfRange: true,
        IdempotencyKeyReused: true,
        IdempotencyKeyInUse: true,
      },
      handle: async ({ params, body, client, idempotency }) =>
        answer(
          await deps.changePoints.execute({
            userId: params.id,
            points: body.points,
            reason: body.reason,
            source: `client:${client.name}`,
            idempotency,
          }),
          201,
          presentPointsChanged,
        ),
    }),
  ];
}
