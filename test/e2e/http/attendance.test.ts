import { BOX_RULES } from '../../../src/domain/box';
import { DAY_MS } from '../../../src/domain/duration';
import { FixedClock } from '../../support/fixed-clock';
import { FixedRandom } from '../../support/fixed-random';
import { allReceipts } from './all-receipts';
import { ApiClient } from './api-client';
import { useApiSession } from './api-session';
import { aUserWithKeys } from './attendance-shelf';

const clock = new FixedClock(new Date('2026-11-10T03:00:00Z'));
const random = new FixedRandom(0);
const session = useApiSession({ clock, random });
const UNKNOWN_DISCORD_ID = '100000000000000000';

const checkIn = (discordId: string) => session.bot.post(`/discords/${discordId}/attendances`, undefined);
const unpack = (discordId: string, query: string, headers: Record<string, string> = {}) =>
  session.bot.post(`/discords/${discordId}/attendances/unpack?${query}`, undefined, headers);
const keysOf = async (discordId: string): Promise<number> =>
  (await session.bot.get(`/discords/${discordId}/attendances`)).body.key_count;

describe('attendance over HTTP', () => {
  beforeEach(() => {
    clock.set('2026-11-10T03:00:00Z');
    random.set(0);
  });

  it('checks in once per Asia/Seoul day: 201 the first time, 409 exist_attendance the same day, 200 the next', async () => {
    const { discord_id: discordId } = await session.registerUser();
    expect((await session.bot.get(`/discords/${discordId}/attendances`)).body).toEqual({
      key_count: 0,
      checked_in_today: false,
      last_checked_in_at: null,
    });

    clock.set('2026-11-10T14:59:00Z'); // 23:59 KST
    expect(await checkIn(discordId)).toMatchObject({ status: 201, body: { status: 'success', key_count: 1 } });
    const again = await checkIn(discordId);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      status: 'exist_attendance',
      diff: '0h 1m 0s',
      code: 'EXIST_ATTENDANCE',
      message: expect.any(String),
    });
    expect((await session.bot.get(`/discords/${discordId}/attendances`)).body).toEqual({
      key_count: 1,
      checked_in_today: true,
      last_checked_in_at: '2026-11-10T14:59:00.000Z',
    });

    clock.set('2026-11-10T15:00:00Z'); // 00:00 KST, the next Seoul day
    expect((await session.bot.get(`/discords/${discordId}/attendances`)).body.checked_in_today).toBe(false);
    const nextDay = await checkIn(discordId);
    expect(nextDay).toMatchObject({ status: 200, body: { status: 'success', key_count: 2 } });
    expect(Object.keys(nextDay.body).sort()).toEqual(['key_count', 'status']);
  });

  it('holds at most 10 keys: 409 max_key_count, and exist_attendance wins on a day already checked in', async () => {
    const { discord_id: discordId } = await session.registerUser();
    for (let day = 0; day < 10; day += 1) {
      expect((await checkIn(discordId)).body).toEqual({ status: 'success', key_count: day + 1 });
      clock.advance(DAY_MS);
    }
    const full = await checkIn(discordId);
    expect(full.status).toBe(409);
    expect(full.body).toEqual({
      status: 'max_key_count',
      key_count: 10,
      code: 'MAX_KEY_COUNT',
      message: expect.any(String),
    });
    clock.advance(-DAY_MS);
    expect((await checkIn(discordId)).body.status).toBe('exist_attendance');
  });

  it('gives one key to a first check-in sent many times at once: one 201, the rest exist_attendance', async () => {
    const { discord_id: discordId } = await session.registerUser();
    const answers = await Promise.all(Array.from({ length: 8 }, () => checkIn(discordId)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(
      answers.filter((answer) => answer.status === 409).every((answer) => answer.body.status === 'exist_attendance'),
    ).toBe(true);
    expect(await keysOf(discordId)).toBe(1);
  });

  it.each([
    ['bronze', '0', 3],
    ['bronze', '1', 3],
    ['silver', 'false', 6],
    ['silver', 'true', 5],
    ['gold', '0', 10],
    ['gold', '1', 8],
  ] as const)('opens a %s box with isPremium=%s for %i keys and credits the prize', async (box, isPremium, cost) => {
    const discordId = await aUserWithKeys(session, 10);
    const prizes = BOX_RULES[box].prizes;
    random.set(0.999); // the last row of the table
    const opened = await unpack(discordId, `box=${box}&isPremium=${isPremium}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ point: prizes[prizes.length - 1]?.points, key_count: 10 - cost });
    const user = (await session.bot.get(`/discords/${discordId}`)).body;
    expect(user.points).toBe(opened.body.point);
    expect(await allReceipts(session.bot, user.id)).toEqual([
      expect.objectContaining({ kind: 'attendance_box', delta: opened.body.point, balance_after: opened.body.point }),
    ]);
  });

  it('draws each prize of the table by where the random draw falls', async () => {
    const discordId = await aUserWithKeys(session, 10);
    const drawn = [];
    for (const draw of [0, 0.69, 0.93]) {
      random.set(draw);
      drawn.push((await unpack(discordId, 'box=bronze')).body.point);
    }
    expect(drawn).toEqual([3, 10, 20]);
  });

  it('answers 400 NOT_ENOUGH_KEYS with key_count beside the error, and keeps the keys', async () => {
    const discordId = await aUserWithKeys(session, 7);
    const refused = await unpack(discordId, 'box=gold&isPremium=1');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: { code: 'NOT_ENOUGH_KEYS', message: expect.any(String), details: { key_count: 7 } },
      message: refused.body.error.message,
      key_count: 7,
    });
    expect(await keysOf(discordId)).toBe(7);
  });

  it('takes box and isPremium from a JSON body as well', async () => {
    const discordId = await aUserWithKeys(session, 5);
    const opened = await session.bot.post(`/discords/${discordId}/attendances/unpack`, {
      box: 'silver',
      isPremium: true,
    });
    expect(opened).toMatchObject({ status: 200, body: { point: 10, key_count: 0 } });
  });

  it('refuses an unknown box, a bad isPremium or no box with 422', async () => {
    const discordId = await aUserWithKeys(session, 10);
    for (const query of ['box=platinum', 'box=bronze&isPremium=yes', 'isPremium=1', '']) {
      const refused = await unpack(discordId, query);
      expect([query, refused.status, refused.body.error.code]).toEqual([query, 422, 'VALIDATION_FAILED']);
    }
    expect(await keysOf(discordId)).toBe(10);
  });

  it('answers 404 USER_NOT_FOUND for a Discord id no user has, on every attendance route', async () => {
    for (const answer of [
      await session.bot.get(`/discords/${UNKNOWN_DISCORD_ID}/attendances`),
      await checkIn(UNKNOWN_DISCORD_ID),
      await unpack(UNKNOWN_DISCORD_ID, 'box=bronze'),
    ]) {
      expect([answer.status, answer.body.error.code]).toEqual([404, 'USER_NOT_FOUND']);
    }
  });

  it('replays a box opening retried with the same Idempotency-Key: keys and points change once', async () => {
    const discordId = await aUserWithKeys(session, 10);
    const headers = { 'Idempotency-Key': `unpack-${discordId}` };
    const first = await unpack(discordId, 'box=bronze', headers);
    random.set(0.999);
    expect(await unpack(discordId, 'box=bronze', headers)).toMatchObject({ status: 200, body: first.body });
    expect(await keysOf(discordId)).toBe(7);
    expect((await session.bot.get(`/discords/${discordId}`)).body.points).toBe(first.body.point);
    const otherBox = await unpack(discordId, 'box=silver', headers);
    expect([otherBox.status, otherBox.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('opens as many boxes as the keys cover when asked in parallel', async () => {
    const discordId = await aUserWithKeys(session, 10);
    const answers = await Promise.all(Array.from({ length: 6 }, () => unpack(discordId, 'box=bronze')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 400, 400, 400]);
    expect(await keysOf(discordId)).toBe(1);
    expect((await session.bot.get(`/discords/${discordId}`)).body.points).toBe(9);
  });

  it('needs the attendance scope', async () => {
    const { app } = session;
    const other = ApiClient.bearer(app.baseUrl, await app.createClient('users-only-bot', ['users:read']));
    const discordId = await aUserWithKeys(session, 0);
    expect((await other.get(`/discords/${discordId}/attendances`)).status).toBe(403);
    expect((await other.post(`/discords/${discordId}/attendances`, undefined)).status).toBe(403);
  });
});
