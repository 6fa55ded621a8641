import { allReceipts } from './all-receipts';
import { ApiAnswer } from './api-client';
import { useApiSession } from './api-session';
import { aUserWithPoints, stockItem } from './store-shelf';

const session = useApiSession();

const STORM = 200;

/** Every answer of a same-key storm is the one stored answer or "still in use": never a 5xx, never another. */
function expectReplaysOrInUse(answers: ApiAnswer[], status: number): ApiAnswer[] {
  const replays = answers.filter((answer) => answer.status === status);
  const inUse = answers.filter(
    (answer) => answer.status === 409 && answer.body.error?.code === 'IDEMPOTENCY_KEY_IN_USE',
  );
  expect(answers.filter((answer) => !replays.includes(answer) && !inUse.includes(answer)).map((a) => a.status)).toEqual(
    [],
  );
  expect(replays.length).toBeGreaterThan(0);
  for (const replay of replays) expect(replay.body).toEqual(replays[0]?.body);
  return replays;
}

describe(`one Idempotency-Key sent ${STORM} times at once`, () => {
  it('grants once; every answer is the stored one or 409 IDEMPOTENCY_KEY_IN_USE', async () => {
    const user = await session.registerUser();
    const key = { 'Idempotency-Key': `storm-grant-${user.id}` };

    const answers = await Promise.all(
      Array.from({ length: STORM }, () => session.bot.post(`/users/${user.id}/points`, { points: 5 }, key)),
    );

    expectReplaysOrInUse(answers, 201);
    expect((await session.bot.get(`/users/${user.id}`)).body.points).toBe(5);
    expect(await allReceipts(session.bot, user.id)).toHaveLength(1);
  });

  it('replays an already completed key to every one of them', async () => {
    const user = await session.registerUser();
    const key = { 'Idempotency-Key': `storm-done-${user.id}` };
    const first = await session.bot.post(`/users/${user.id}/points`, { points: 9 }, key);
    expect(first.status).toBe(201);

    const answers = await Promise.all(
      Array.from({ length: STORM }, () => session.bot.post(`/users/${user.id}/points`, { points: 9 }, key)),
    );

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    for (const answer of answers) expect(answer.body).toEqual(first.body);
    expect(await allReceipts(session.bot, user.id)).toHaveLength(1);
  });

  it('buys once', async () => {
    const userId = await aUserWithPoints(session, 1000);
    const itemId = await stockItem(session, { price: 10 });
    const key = { 'Idempotency-Key': `storm-buy-${userId}` };

    const answers = await Promise.all(
      Array.from({ length: STORM }, () => session.bot.post(`/users/${userId}/items`, { item_id: itemId }, key)),
    );

    expectReplaysOrInUse(answers, 201);
    expect((await session.bot.get(`/users/${userId}`)).body.points).toBe(990);
    expect((await session.bot.get(`/users/${userId}/items`)).body.data).toHaveLength(1);
  });

  it('withdraws once', async () => {
    const userId = await aUserWithPoints(session, 100);
    const bought = await session.bot.post(`/users/${userId}/items`, {
      item_id: await stockItem(session, { price: 30 }),
    });
    const userItemId: number = bought.body.user_item.id;
    const key = { 'Idempotency-Key': `storm-withdraw-${userId}` };

    const answers = await Promise.all(
      Array.from({ length: STORM }, () =>
        session.bot.post(`/users/${userId}/items/${userItemId}/withdraw`, undefined, key),
      ),
    );

    expectReplaysOrInUse(answers, 200);
    expect((await session.bot.get(`/users/${userId}`)).body.points).toBe(100);
    expect(await allReceipts(session.bot, userId)).toHaveLength(3);
  });
});
