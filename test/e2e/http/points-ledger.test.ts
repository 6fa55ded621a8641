import { ApiClient } from './api-client';
import { allReceipts } from './all-receipts';
import { useApiSession } from './api-session';

const session = useApiSession();

describe('the points ledger over HTTP', () => {
  it('registers, grants 100, deducts 30 and reads 70 with two receipts', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    expect(user.points).toBe(0);

    const granted = await bot.post(`/users/${user.id}/points`, { points: 100, reason: 'welcome' });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ points: 100, receipt: { delta: 100, balance_before: 0, balance_after: 100 } });

    const deducted = await bot.post(`/users/${user.id}/points`, { points: -30 });
    expect(deducted.status).toBe(201);
    expect(deducted.body.points).toBe(70);
    expect(deducted.body.receipt_id).toBe(deducted.body.receipt.id);
    expect(deducted.body.receipt).toMatchObject({
      user_id: user.id,
      kind: 'grant',
      delta: -30,
      balance_before: 100,
      balance_after: 70,
      reason: 'bot grant',
      source: 'client:lara-bot',
      external_ref: null,
    });
    expect(new Date(deducted.body.receipt.created_at).toISOString()).toBe(deducted.body.receipt.created_at);

    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(70);
    const receipts = await bot.get(`/users/${user.id}/receipts`);
    expect(receipts.body.data.map((receipt: { delta: number }) => receipt.delta)).toEqual([-30, 100]);
    expect(receipts.body.next_cursor).toBeNull();
    const one = await bot.get(`/users/${user.id}/receipts/${deducted.body.receipt_id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(deducted.body.receipt);
  });

  it('refuses a deduction below zero with 409 INSUFFICIENT_POINTS and writes nothing', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    await bot.post(`/users/${user.id}/points`, { points: 20 });

    const refused = await bot.post(`/users/${user.id}/points`, { points: -21 });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'INSUFFICIENT_POINTS', details: { balance: 20, required: 21 } });
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(20);
    expect(await allReceipts(bot, user.id)).toHaveLength(1);
  });

  it('keeps the balance equal to the sum of the receipts under 50 concurrent grants and deductions', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    await bot.post(`/users/${user.id}/points`, { points: 100 });
    const deltas = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 7 : -11));

    const answers = await Promise.all(deltas.map((points) => bot.post(`/users/${user.id}/points`, { points })));

    // Deductions may be refused when they happen to run while the balance is low; nothing else may fail.
    expect(answers.every((answer) => answer.status === 201 || answer.body.error.code === 'INSUFFICIENT_POINTS')).toBe(
      true,
    );
    const receipts = await allReceipts(bot, user.id);
    expect(receipts).toHaveLength(1 + answers.filter((answer) => answer.status === 201).length);
    const balance = (await bot.get(`/users/${user.id}`)).body.points;
    expect(balance).toBe(receipts.reduce((sum, receipt) => sum + receipt.delta, 0));
    expect(balance).toBeGreaterThanOrEqual(0);
    // Oldest first, each receipt starts where the previous one ended: no update was lost.
    const chain = [...receipts].reverse();
    chain.forEach((receipt, i) => {
      expect(receipt.balance_after).toBe(receipt.balance_before + receipt.delta);
      expect(receipt.balance_before).toBe(i === 0 ? 0 : chain[i - 1]?.balance_after);
    });
  });
});

describe('Idempotency-Key on POST /users/{id}/points', () => {
  it('changes the balance once for a retried request and answers the same body', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    const key = { 'Idempotency-Key': `grant-${user.id}` };

    const first = await bot.post(`/users/${user.id}/points`, { points: 40 }, key);
    const retry = await bot.post(`/users/${user.id}/points`, { points: 40 }, key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body.receipt.external_ref).toBe(key['Idempotency-Key']);
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(40);
    expect(await allReceipts(bot, user.id)).toHaveLength(1);
  });

  it('replays a refusal too: a retried deduction that was refused stays refused', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    const key = { 'Idempotency-Key': `deduct-${user.id}` };

    const first = await bot.post(`/users/${user.id}/points`, { points: -5 }, key);
    await bot.post(`/users/${user.id}/points`, { points: 10 });
    const retry = await bot.post(`/users/${user.id}/points`, { points: -5 }, key);

    expect(first.status).toBe(409);
    expect(retry.status).toBe(409);
    expect(retry.body).toEqual(first.body);
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(10);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body or another user', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    const other = await session.registerUser();
    const key = { 'Idempotency-Key': `reused-${user.id}` };
    await bot.post(`/users/${user.id}/points`, { points: 10 }, key);

    const otherBody = await bot.post(`/users/${user.id}/points`, { points: 11 }, key);
    const otherUser = await bot.post(`/users/${other.id}/points`, { points: 10 }, key);

    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(otherUser.status).toBe(422);
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(10);
    expect((await bot.get(`/users/${other.id}`)).body.points).toBe(0);
  });

  it('scopes keys to the client: another bot may use the same key', async () => {
    const { app, bot } = session;
    const user = await session.registerUser();
    const otherBot = ApiClient.bearer(app.baseUrl, await app.createClient('other-bot', ['points:grant']));
    const key = { 'Idempotency-Key': `shared-${user.id}` };

    await bot.post(`/users/${user.id}/points`, { points: 10 }, key);
    const fromOtherBot = await otherBot.post(`/users/${user.id}/points`, { points: 10 }, key);

    expect(fromOtherBot.status).toBe(201);
    expect(fromOtherBot.body.receipt.source).toBe('client:other-bot');
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(20);
  });

  it('applies every concurrent retry of one key exactly once', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    const key = { 'Idempotency-Key': `burst-${user.id}` };

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => bot.post(`/users/${user.id}/points`, { points: 3 }, key)),
    );

    // A retry that meets the first one still running is told so (409); every other answer is the first one's.
    const applied = answers.filter((answer) => answer.status === 201);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    applied.forEach((answer) => expect(answer.body).toEqual(applied[0]?.body));
    answers
      .filter((answer) => answer.status !== 201)
      .forEach((answer) => expect([answer.status, answer.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']));
    expect((await bot.get(`/users/${user.id}`)).body.points).toBe(3);
  });
});
