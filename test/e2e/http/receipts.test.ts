import { useApiSession } from './api-session';

const session = useApiSession();

describe('GET /users/{id}/receipts', () => {
  it('pages newest first with an opaque next_cursor that is null at the end', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    for (const points of [1, 2, 3, 4, 5]) await bot.post(`/users/${user.id}/points`, { points });

    const deltas: number[] = [];
    const pageSizes: number[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await bot.get(`/users/${user.id}/receipts${query}`);
      expect(page.status).toBe(200);
      deltas.push(...page.body.data.map((receipt: { delta: number }) => receipt.delta));
      pageSizes.push(page.body.data.length);
      if (page.body.next_cursor === null) break;
      query = `?limit=2&cursor=${encodeURIComponent(page.body.next_cursor)}`;
    }

    expect(deltas).toEqual([5, 4, 3, 2, 1]);
    expect(pageSizes).toEqual([2, 2, 1]);
  });

  it('answers 20 receipts by default', async () => {
    const { bot } = session;
    const user = await session.registerUser();
    for (let i = 0; i < 21; i += 1) await bot.post(`/users/${user.id}/points`, { points: 1 });

    const page = await bot.get(`/users/${user.id}/receipts`);

    expect(page.body.data).toHaveLength(20);
    expect(page.body.next_cursor).toEqual(expect.any(String));
  });

  it("answers 404 RECEIPT_NOT_FOUND for another user's receipt", async () => {
    const { bot } = session;
    const owner = await session.registerUser();
    const other = await session.registerUser();
    const granted = await bot.post(`/users/${owner.id}/points`, { points: 1 });

    const answer = await bot.get(`/users/${other.id}/receipts/${granted.body.receipt_id}`);

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('RECEIPT_NOT_FOUND');
  });
});
