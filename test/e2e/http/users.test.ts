import { useApiSession } from './api-session';
import { aDiscordId } from './discord-ids';

const session = useApiSession();

describe('users', () => {
  it('registers a user (201), reads it by id and by Discord id, and refuses a taken Discord id (409)', async () => {
    const { bot } = session;
    const discordId = aDiscordId();

    const registered = await bot.post('/users', { discord_id: discordId, name: 'lara', email: 'lara@example.com' });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      discord_id: discordId,
      name: 'lara',
      email: 'lara@example.com',
      points: 0,
    });

    expect((await bot.get(`/users/${registered.body.id}`)).body).toEqual(registered.body);
    expect((await bot.get(`/discords/${discordId}`)).body).toEqual(registered.body);

    const again = await bot.post('/users', { discord_id: discordId, name: 'someone else' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DISCORD_ID_TAKEN');
  });

  it('edits name and email with PATCH (200) and clears the email with null', async () => {
    const { bot } = session;
    const user = await session.registerUser('lara');

    const renamed = await bot.patch(`/users/${user.id}`, { name: 'lara2', email: 'l@example.com' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: user.id, name: 'lara2', email: 'l@example.com', points: 0 });

    const cleared = await bot.patch(`/users/${user.id}`, { email: null });
    expect(cleared.body).toMatchObject({ name: 'lara2', email: null });
    expect((await bot.get(`/users/${user.id}`)).body).toEqual(cleared.body);
  });

  it('soft-deletes (204): the user is 404 USER_NOT_FOUND everywhere and its Discord id stays taken', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    const granted = await bot.post(`/users/${user.id}/points`, { points: 5 });

    const deleted = await bot.delete(`/users/${user.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();

    const answers = [
      await bot.get(`/users/${user.id}`),
      await bot.get(`/discords/${user.discord_id}`),
      await bot.patch(`/users/${user.id}`, { name: 'back' }),
      await bot.delete(`/users/${user.id}`),
      await bot.post(`/users/${user.id}/points`, { points: 1 }),
      await bot.get(`/users/${user.id}/receipts`),
      await bot.get(`/users/${user.id}/receipts/${granted.body.receipt_id}`),
    ];
    answers.forEach((answer) => {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('USER_NOT_FOUND');
    });

    const reused = await bot.post('/users', { discord_id: user.discord_id, name: 'lara' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('DISCORD_ID_TAKEN');
  });
});
