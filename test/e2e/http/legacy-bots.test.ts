import { ApiClient } from './api-client';
import { useApiSession } from './api-session';
import { aDiscordId } from './discord-ids';

const session = useApiSession();

/**
 * Speaks exactly as the bots already in service do: one base URL, the token bare in `Authorization`, the user
 * read as a bare object by Discord id, `{"points": N}` without a reason, and `message` read at the top level.
 */
describe('a bot written against the old service', () => {
  it('keeps working with a base-URL change only', async () => {
    const { app } = session;
    const bot = new ApiClient(
      app.baseUrl,
      await app.createClient('legacy-bot', ['users:read', 'users:write', 'points:grant']),
    );
    const discordId = aDiscordId();

    const registered = await bot.post('/users', { discord_id: discordId, name: 'lara' });
    expect(registered.status).toBe(201);

    const found = await bot.get(`/discords/${discordId}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      id: registered.body.id,
      discord_id: discordId,
      name: 'lara',
      email: null,
      points: 0,
      created_at: registered.body.created_at,
      updated_at: registered.body.updated_at,
    });

    const granted = await bot.post(`/users/${found.body.id}/points`, { points: 15 });
    expect(granted.status).toBe(201);
    expect(typeof granted.body.receipt_id).toBe('number');
    expect(granted.body.points).toBe(15);
    expect(granted.body.receipt.reason).toBe('bot grant');
    expect(granted.body.receipt.source).toBe('client:legacy-bot');

    const overdrawn = await bot.post(`/users/${found.body.id}/points`, { points: -16 });
    expect(overdrawn.status).toBe(409);
    expect(overdrawn.body.message).toBe(overdrawn.body.error.message);
    expect(typeof overdrawn.body.message).toBe('string');

    const unknown = await bot.get('/discords/100000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'USER_NOT_FOUND' }, message: expect.any(String) });
  });
});
