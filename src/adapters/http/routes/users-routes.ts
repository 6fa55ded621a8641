import { answer } from '../answer';
import { AnyEndpoint, botWithScope, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { presentUser } from '../presenters/user-presenter';
import { DiscordIdParams, RegisterUserBody, UpdateUserBody, UserIdParams, UserResponse } from '../schemas/user-schemas';

export function usersRoutes(
  deps: Pick<HttpDependencies, 'registerUser' | 'getUser' | 'updateUser' | 'deleteUser'>,
): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'post',
      path: '/users',
      summary: 'Register a user',
      auth: botWithScope('users:write'),
      body: RegisterUserBody,
      success: { status: 201, description: 'The new user', schema: UserResponse },
      failures: { DiscordIdTaken: true },
      handle: async ({ body }) =>
        answer(
          await deps.registerUser.execute({ discordId: body.discord_id, name: body.name, email: body.email ?? null }),
          201,
          presentUser,
        ),
    }),
    defineEndpoint({
      method: 'get',
      path: '/users/{id}',
      summary: 'A user with its points',
      auth: botWithScope('users:read'),
      params: UserIdParams,
      success: { status: 200, description: 'The user', schema: UserResponse },
      failures: { UserNotFound: true },
      handle: async ({ params }) => answer(await deps.getUser.execute({ id: params.id }), 200, presentUser),
    }),
    defineEndpoint({
      method: 'get',
      path: '/discords/{discordId}',
      summary: 'A user by Discord id, with its points',
      auth: botWithScope('users:read'),
      params: DiscordIdParams,
      success: { status: 200, description: 'The user, as a bare object', schema: UserResponse },
      failures: { UserNotFound: true },
      handle: async ({ params }) =>
        answer(await deps.getUser.execute({ discordId: params.discordId }), 200, presentUser),
    }),
    defineEndpoint({
      method: 'patch',
      path: '/users/{id}',
      summary: "Change a user's name or email",
      auth: botWithScope('users:write'),
      params: UserIdParams,
      body: UpdateUserBody,
      success: { status: 200, description: 'The updated user', schema: UserResponse },
      failures: { UserNotFound: true },
      handle: async ({ params, body }) =>
        answer(await deps.updateUser.execute({ id: params.id, ...body }), 200, presentUser),
    }),
    defineEndpoint({
      method: 'delete',
      path: '/users/{id}',
      summary: 'Soft-delete a user (its history stays, its Discord id stays taken)',
      auth: botWithScope('users:write'),
      params: UserIdParams,
      success: { status: 204, description: 'Deleted' },
      failures: { UserNotFound: true },
      handle: async ({ params }) => answer(await deps.deleteUser.execute({ id: params.id }), 204, () => undefined),
    }),
  ];
}
