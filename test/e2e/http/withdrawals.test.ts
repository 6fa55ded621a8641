import { DAY_MS } from '../../../src/domain/duration';
import { FixedClock } from '../../support/fixed-clock';
import { allReceipts } from './all-receipts';
import { useApiSession } from './api-session';
import { aUserWithPoints, stockItem } from './store-shelf';

const BOUGHT_AT = '2026-11-10T03:00:00Z'; // 12:00 KST
const clock = new FixedClock(new Date(BOUGHT_AT));
const session = useApiSession({ clock });

/** A user who bought one item of each given kind at BOUGHT_AT; answers the user and the user item ids. */
async function aBuyer(
  items: { price?: number; withdrawable?: boolean }[],
): Promise<{ userId: number; userItemIds: number[] }> {
  clock.set(BOUGHT_AT);
  const userId = await aUserWithPoints(session, 1000);
  const userItemIds = [];
  for (const fields of items) {
    const bought = await session.bot.post(`/users/${userId}/items`, { item_id: await stockItem(session, fields) });
    expect(bought.status).toBe(201);
    userItemIds.push(bought.body.user_item.id as number);
  }
  return { userId, userItemIds };
}

const withdraw = (userId: number, userItemId: number, headers: Record<string, string> = {}) =>
  session.bot.post(`/users/${userId}/items/${userItemId}/withdraw`, undefined, headers);

const refusedFor = (reason: string) => ({
  status: 409,
  body: expect.objectContaining({
    error: expect.objectContaining({ code: 'WITHDRAWAL_NOT_ALLOWED', details: { reason } }),
  }),
});

describe('청약철회 (withdrawal) over HTTP', () => {
  it('refunds the price paid and marks the item withdrawn: 200 with the user item, the receipt and the balance', async () => {
    const {
      userId,
      userItemIds: [userItemId = 0],
    } = await aBuyer([{ price: 40 }]);
    clock.advance(60 * 60 * 1000);
    const withdrawn = await withdraw(userId, userItemId);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      user_item: { id: userItemId, status: 'withdrawn', price_paid: 40 },
      receipt: { kind: 'withdrawal', delta: 40, balance_before: 960, balance_after: 1000 },
      points: 1000,
    });
    expect((await session.bot.get(`/users/${userId}/items/${userItemId}`)).body.status).toBe('withdrawn');
  });

  it('refuses an item that is not withdrawable', async () => {
    const {
      userId,
      userItemIds: [userItemId = 0],
    } = await aBuyer([{ withdrawable: false }]);
    expect(await withdraw(userId, userItemId)).toMatchObject(refusedFor('not_withdrawable'));
  });

  it('refuses a consumed item', async () => {
    const {
      userId,
      userItemIds: [userItemId = 0],
    } = await aBuyer([{}]);
    await session.bot.request('PUT', `/users/${userId}/items/${userItemId}`, { json: { consumed: true } });
    expect(await withdraw(userId, userItemId)).toMatchObject(refusedFor('not_active'));
  });

  it('allows it until 168 hours after the purchase, not from then on', async () => {
    const {
      userId,
      userItemIds: [early = 0, late = 0],
    } = await aBuyer([{}, {}]);
    clock.set(new Date(new Date(BOUGHT_AT).getTime() + 7 * DAY_MS - 1000));
    expect((await withdraw(userId, early)).status).toBe(200);
    clock.set(new Date(new Date(BOUGHT_AT).getTime() + 7 * DAY_MS));
    expect(await withdraw(userId, late)).toMatchObject(refusedFor('too_late'));
  });

  it('allows one withdrawal per Asia/Seoul day: refused at 23:59 KST, allowed at 00:00 KST', async () => {
    const {
      userId,
      userItemIds: [first = 0, second = 0],
    } = await aBuyer([{}, {}]);
    clock.set('2026-11-10T14:00:00Z'); // 23:00 KST
    expect((await withdraw(userId, first)).status).toBe(200);
    clock.set('2026-11-10T14:59:00Z'); // 23:59 KST, the same Seoul day
    expect(await withdraw(userId, second)).toMatchObject(refusedFor('daily_limit'));
    clock.set('2026-11-10T15:00:00Z'); // 00:00 KST, the next Seoul day
    expect((await withdraw(userId, second)).status).toBe(200);
  });

  it('answers 404 for an unknown user item', async () => {
    const { userId } = await aBuyer([]);
    const unknown = await withdraw(userId, 999999);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'USER_ITEM_NOT_FOUND']);
  });

  it('refunds once when one item is withdrawn twice in parallel', async () => {
    const {
      userId,
      userItemIds: [userItemId = 0],
    } = await aBuyer([{ price: 40 }]);
    const answers = await Promise.all([withdraw(userId, userItemId), withdraw(userId, userItemId)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)).toMatchObject(refusedFor('not_active'));
    const receipts = await allReceipts(session.bot, userId);
    expect(receipts.filter((receipt) => receipt.kind === 'withdrawal')).toHaveLength(1);
    expect((await session.bot.get(`/users/${userId}`)).body.points).toBe(1000);
  });

  it('replays a withdrawal retried with the same Idempotency-Key and refunds once', async () => {
    const {
      userId,
      userItemIds: [userItemId = 0],
    } = await aBuyer([{ price: 40 }]);
    const headers = { 'Idempotency-Key': `withdraw-${userItemId}` };
    const first = await withdraw(userId, userItemId, headers);
    expect(first.status).toBe(200);
    expect(await withdraw(userId, userItemId, headers)).toMatchObject({ status: 200, body: first.body });
    expect((await session.bot.get(`/users/${userId}`)).body.points).toBe(1000);
  });
});
