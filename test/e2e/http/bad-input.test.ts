import { ApiAnswer, ApiClient } from './api-client';
import { useApiSession } from './api-session';
import { aDiscordId } from './discord-ids';

const session = useApiSession();

/** A clear refusal: the status, the code, and the error body every bot can read. */
function expectRefusal(answer: ApiAnswer, status: number, code: string): void {
  expect([answer.status, answer.body?.error?.code]).toEqual([status, code]);
  expect(answer.body.message).toBe(answer.body.error.message);
}

describe('bad input gets a 4xx with a code, never a 500', () => {
  it('malformed JSON is 400 MALFORMED_JSON', async () => {
    const answer = await session.bot.request('POST', '/users', { raw: '{"discord_id": "368003617146880001",' });
    expectRefusal(answer, 400, 'MALFORMED_JSON');
  });

  it('wrong types, unknown fields and out-of-range values are 422 VALIDATION_FAILED naming each field', async () => {
    const { bot } = session;
    const user = await session.registerUser();

    const wrongTypes = await bot.post('/users', { discord_id: aDiscordId(), name: 42, email: 'not an email' });
    expectRefusal(wrongTypes, 422, 'VALIDATION_FAILED');
    expect(wrongTypes.body.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'body.name',
      'body.email',
    ]);

    const unknownField = await bot.patch(`/users/${user.id}`, { name: 'x', points: 1000 });
    expectRefusal(unknownField, 422, 'VALIDATION_FAILED');
    expect(unknownField.body.error.details.issues).toEqual([{ path: 'body.points', message: expect.any(String) }]);

    for (const points of [0, 1.5, '100', 1_000_000_001, -1_000_000_001]) {
      expectRefusal(await bot.post(`/users/${user.id}/points`, { points }), 422, 'VALIDATION_FAILED');
    }
    expect((await bot.post(`/users/${user.id}/points`, { points: 1_000_000_000 })).status).toBe(201);
    expectRefusal(await bot.post(`/users/${user.id}/points`, {}), 422, 'VALIDATION_FAILED');
    expectRefusal(await bot.post(`/users/${user.id}/points`, [1]), 422, 'VALIDATION_FAILED');
    expectRefusal(await bot.post('/users', { discord_id: aDiscordId(), name: '' }), 422, 'VALIDATION_FAILED');
    expectRefusal(
      await bot.post('/users', { discord_id: aDiscordId(), name: 'n'.repeat(101) }),
      422,
      'VALIDATION_FAILED',
    );
    const longEmail = `${'e'.repeat(250)}@x.io`;
    expectRefusal(
      await bot.post('/users', { discord_id: aDiscordId(), name: 'n', email: longEmail }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('a discord_id sent as a JSON number, or one that is no snowflake, is 422', async () => {
    const { bot } = session;
    const asNumber = await bot.request('POST', '/users', { raw: '{"discord_id": 368003617146880001, "name": "lara"}' });
    expectRefusal(asNumber, 422, 'VALIDATION_FAILED');
    expect(asNumber.body.error.details.issues[0].path).toBe('body.discord_id');

    for (const discordId of ['1234', 'abc', '1'.repeat(21), '36800361714688000x']) {
      expectRefusal(await bot.post('/users', { discord_id: discordId, name: 'lara' }), 422, 'VALIDATION_FAILED');
      expectRefusal(await bot.get(`/discords/${discordId}`), 422, 'VALIDATION_FAILED');
    }
  });

  it('bad path ids and query values are 422, an unknown cursor 400 INVALID_CURSOR', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    for (const id of ['abc', '0', '-1', '1e3', '99999999999999999999']) {
      expectRefusal(await bot.get(`/users/${id}`), 422, 'VALIDATION_FAILED');
    }
    for (const query of ['?limit=0', '?limit=101', '?limit=ten', '?limit=1&limit=2', '?page=2']) {
      expectRefusal(await bot.get(`/users/${user.id}/receipts${query}`), 422, 'VALIDATION_FAILED');
    }
    expectRefusal(await bot.get(`/users/${user.id}/receipts?cursor=not-ours`), 400, 'INVALID_CURSOR');
    expectRefusal(await bot.get('/users/999999/receipts'), 404, 'USER_NOT_FOUND');
  });

  it('an Idempotency-Key that is empty or longer than 255 characters is 422', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    for (const key of ['', 'k'.repeat(256)]) {
      const answer = await bot.post(`/users/${user.id}/points`, { points: 1 }, { 'Idempotency-Key': key });
      expectRefusal(answer, 422, 'VALIDATION_FAILED');
      expect(answer.body.error.details.issues[0].path).toBe('headers.idempotency-key');
    }
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(0);
  });

  it('no token, an unknown token or a wrong scheme is 401 UNAUTHENTICATED', async () => {
    const { app } = session;
    for (const authorization of [null, 'Bearer nope', 'nope', 'Basic bGFyYTpzZWNyZXQ=', '']) {
      const stranger = new ApiClient(app.baseUrl, authorization);
      expectRefusal(await stranger.get('/users/1'), 401, 'UNAUTHENTICATED');
      expectRefusal(await stranger.post('/users', { discord_id: aDiscordId(), name: 'x' }), 401, 'UNAUTHENTICATED');
    }
  });

  it('a revoked token is 401 UNAUTHENTICATED within a second, and from then on', async () => {
    const { app } = session;
    const user = await session.registerUser();
    const token = await app.createClient('revoked-bot', ['users:read']);
    const bot = new ApiClient(app.baseUrl, token);
    expect((await bot.get(`/users/${user.id}`)).status).toBe(200);

    await app.runtime.useCases.revokeClient.execute({ name: 'revoked-bot' });
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expectRefusal(await bot.get(`/users/${user.id}`), 401, 'UNAUTHENTICATED');
  });

  it('a token without the route scope is 403 FORBIDDEN', async () => {
    const { app } = session;
    const user = await session.registerUser();
    const reader = ApiClient.bearer(app.baseUrl, await app.createClient('reader-bot', ['users:read']));

    expect((await reader.get(`/users/${user.id}`)).status).toBe(200);
    expectRefusal(await reader.post(`/users/${user.id}/points`, { points: 1 }), 403, 'FORBIDDEN');
    expectRefusal(await reader.post('/users', { discord_id: aDiscordId(), name: 'x' }), 403, 'FORBIDDEN');
    expectRefusal(await reader.delete(`/users/${user.id}`), 403, 'FORBIDDEN');
  });

  it('an unknown route is 404 ROUTE_NOT_FOUND, a known path with another method 405', async () => {
    const { app, bot } = session;
    expectRefusal(await bot.get('/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expectRefusal(await new ApiClient(app.origin, null).get('/api/v1/users/1'), 404, 'ROUTE_NOT_FOUND');
    const wrongMethod = await bot.request('PUT', '/users/1', { json: {} });
    expectRefusal(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers.get('allow')).toContain('PATCH');
  });

  it('a body over 64 KiB is 413 PAYLOAD_TOO_LARGE and changes nothing', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    const answer = await bot.post(`/users/${user.id}/points`, { points: 1, reason: 'r'.repeat(64 * 1024) });
    expectRefusal(answer, 413, 'PAYLOAD_TOO_LARGE');
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(0);
  });
});
