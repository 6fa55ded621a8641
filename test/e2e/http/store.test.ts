import { FixedClock } from '../../support/fixed-clock';
import { allReceipts } from './all-receipts';
import { ApiClient } from './api-client';
import { useApiSession } from './api-session';
import { aUserWithPoints, stockItem } from './store-shelf';

const clock = new FixedClock(new Date('2026-11-10T03:00:00Z'));
const session = useApiSession({ clock });

describe('the store over HTTP', () => {
  it('lists the sellable catalogue page by page and shows any item by id', async () => {
    const { bot } = session;
    const onSale = await stockItem(session, { name: 'Nickname colour', price: 40 });
    const offSale = await stockItem(session, { sellable: false });
    const newest = await stockItem(session);
    const first = await bot.get('/items?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.data.map((item: { id: number }) => item.id)).toEqual([newest]);
    const second = await bot.get(`/items?limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: onSale })], next_cursor: null });

    const item = await bot.get(`/items/${onSale}`);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({
      id: onSale,
      name: 'Nickname colour',
      price: 40,
      sellable: true,
      image_url: null,
      max_per_user: null,
    });
    expect((await bot.get(`/items/${offSale}`)).body.sellable).toBe(false);
    expect((await bot.get('/items/999999')).body.error.code).toBe('ITEM_NOT_FOUND');
    expect((await bot.get('/items?cursor=forged')).body.error.code).toBe('INVALID_CURSOR');
  });

  it('sells an item to a user with enough points: 201 with the user item, the receipt and the balance', async () => {
    const { bot } = session;
    const itemId = await stockItem(session, { price: 40, expiresAfterDays: 30 });
    const userId = await aUserWithPoints(session, 100);
    const bought = await bot.post(`/users/${userId}/items`, { item_id: itemId });
    expect(bought.status).toBe(201);
    expect(bought.body).toEqual({
      user_item: {
        id: expect.any(Number),
        item_id: itemId,
        status: 'active',
        price_paid: 40,
        expires_at: '2026-12-10T03:00:00.000Z',
        acquired_via: 'points',
        created_at: '2026-11-10T03:00:00.000Z',
      },
      receipt: expect.objectContaining({ kind: 'purchase', delta: -40, balance_before: 100, balance_after: 60 }),
      points: 60,
    });
    const inventory = await bot.get(`/users/${userId}/items`);
    expect(inventory.body).toEqual({ data: [bought.body.user_item], next_cursor: null });
    expect((await bot.get(`/users/${userId}/items/${bought.body.user_item.id}`)).body).toEqual(bought.body.user_item);
  });

  it('refuses too few points, an unsellable item and an unknown item with 409/404, charging nothing', async () => {
    const { bot } = session;
    const userId = await aUserWithPoints(session, 39);
    const tooDear = await bot.post(`/users/${userId}/items`, { item_id: await stockItem(session, { price: 40 }) });
    expect(tooDear.status).toBe(409);
    expect(tooDear.body.error).toEqual({
      code: 'INSUFFICIENT_POINTS',
      message: expect.any(String),
      details: { balance: 39, required: 40 },
    });
    const offSale = await bot.post(`/users/${userId}/items`, {
      item_id: await stockItem(session, { sellable: false }),
    });
    expect([offSale.status, offSale.body.error.code]).toEqual([409, 'ITEM_NOT_SELLABLE']);
    const unknown = await bot.post(`/users/${userId}/items`, { item_id: 999999 });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ITEM_NOT_FOUND']);
    expect((await bot.get(`/users/${userId}`)).body.points).toBe(39);
    expect((await bot.get(`/users/${userId}/items`)).body.data).toEqual([]);
  });

  it('enforces max_per_user', async () => {
    const { bot } = session;
    const itemId = await stockItem(session, { price: 1, maxPerUser: 2 });
    const userId = await aUserWithPoints(session, 10);
    expect((await bot.post(`/users/${userId}/items`, { item_id: itemId })).status).toBe(201);
    expect((await bot.post(`/users/${userId}/items`, { item_id: itemId })).status).toBe(201);
    const third = await bot.post(`/users/${userId}/items`, { item_id: itemId });
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({ code: 'PURCHASE_LIMIT_REACHED', details: { max_per_user: 2 } });
  });

  it('consumes an item with PUT {consumed: true}; again answers the same; an expired item cannot be', async () => {
    const { bot } = session;
    const userId = await aUserWithPoints(session, 100);
    const bought = await bot.post(`/users/${userId}/items`, { item_id: await stockItem(session, { price: 10 }) });
    const path = `/users/${userId}/items/${bought.body.user_item.id}`;
    const consumed = await bot.request('PUT', path, { json: { consumed: true } });
    expect(consumed.status).toBe(200);
    expect(consumed.body).toEqual({ ...bought.body.user_item, status: 'consumed' });
    expect(await bot.request('PUT', path, { json: { consumed: true } })).toMatchObject({
      status: 200,
      body: consumed.body,
    });
    expect((await bot.get(path)).body.status).toBe('consumed');
    expect((await bot.request('PUT', path, { json: { consumed: false } })).status).toBe(422);

    const expiring = await bot.post(`/users/${userId}/items`, {
      item_id: await stockItem(session, { price: 1, expiresAfterDays: 1 }),
    });
    const expiringPath = `/users/${userId}/items/${expiring.body.user_item.id}`;
    clock.advance(24 * 60 * 60 * 1000);
    try {
      expect((await bot.get(expiringPath)).body.status).toBe('expired');
      const refused = await bot.request('PUT', expiringPath, { json: { consumed: true } });
      expect([refused.status, refused.body.error.code]).toEqual([409, 'USER_ITEM_NOT_ACTIVE']);
    } finally {
      clock.set('2026-11-10T03:00:00Z');
    }
    expect(
      (await bot.request('PUT', `/users/${userId}/items/999999`, { json: { consumed: true } })).body.error.code,
    ).toBe('USER_ITEM_NOT_FOUND');
  });

  it('replays a purchase retried with the same Idempotency-Key and charges once', async () => {
    const { bot } = session;
    const itemId = await stockItem(session, { price: 30 });
    const userId = await aUserWithPoints(session, 100);
    const headers = { 'Idempotency-Key': `buy-${userId}` };
    const first = await bot.post(`/users/${userId}/items`, { item_id: itemId }, headers);
    const retry = await bot.post(`/users/${userId}/items`, { item_id: itemId }, headers);
    expect(first.status).toBe(201);
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(first.body.receipt.external_ref).toBe(`buy-${userId}`);
    const other = await bot.post(`/users/${userId}/items`, { item_id: await stockItem(session) }, headers);
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await bot.get(`/users/${userId}`)).body.points).toBe(70);
    expect((await bot.get(`/users/${userId}/items`)).body.data).toHaveLength(1);
  });

  it('sells exactly 5 items to 20 parallel purchases when the points cover 5', async () => {
    const { bot } = session;
    const itemId = await stockItem(session, { price: 20 });
    const userId = await aUserWithPoints(session, 100);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => bot.post(`/users/${userId}/items`, { item_id: itemId })),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused.map((answer) => [answer.status, answer.body.error.code])).toEqual(
      Array(15).fill([409, 'INSUFFICIENT_POINTS']),
    );
    expect((await bot.get(`/users/${userId}/items?limit=100`)).body.data).toHaveLength(5);
    const balance = (await bot.get(`/users/${userId}`)).body.points;
    const receipts = await allReceipts(bot, userId);
    expect(balance).toBe(0);
    expect(receipts.reduce((sum, receipt) => sum + receipt.delta, 0)).toBe(balance);
    expect(receipts.filter((receipt) => receipt.kind === 'purchase')).toHaveLength(5);
  });

  it('needs items:read for the catalogue and store:purchase to buy', async () => {
    const { app } = session;
    const reader = ApiClient.bearer(app.baseUrl, await app.createClient('reader-bot', ['users:read']));
    expect((await reader.get('/items')).status).toBe(403);
    const userId = await aUserWithPoints(session, 0);
    expect((await reader.post(`/users/${userId}/items`, { item_id: 1 })).status).toBe(403);
  });
});
