import { CheckIn } from '../../../src/application/check-in';
import { GetAttendance } from '../../../src/application/get-attendance';
import { MAX_KEY_COUNT } from '../../../src/domain/attendance';
import { DAY_MS } from '../../../src/domain/duration';
import { openStore, StoreFixture } from './store-fixture';

describe('attendance use cases', () => {
  let store: StoreFixture;

  beforeEach(async () => {
    store = await openStore();
  });

  const checkIn = (discordId = store.discordId) => new CheckIn(store.uow, store.clock).execute({ discordId });
  const status = (discordId = store.discordId) => new GetAttendance(store.uow, store.clock).execute({ discordId });

  it('shows no keys before the first check-in', async () => {
    expect(await status()).toEqual({ ok: true, value: { keyCount: 0, checkedInToday: false, lastCheckedInAt: null } });
  });

  it('earns one key per Seoul day, the first check-in ever marked as such', async () => {
    store.clock.set('2026-11-10T14:59:00Z'); // 23:59 KST
    expect(await checkIn()).toMatchObject({ ok: true, value: { firstEver: true, attendance: { keyCount: 1 } } });
    expect(await checkIn()).toEqual({ ok: false, failure: { type: 'AlreadyCheckedIn', diff: '0h 1m 0s' } });
    expect(await status()).toEqual({
      ok: true,
      value: { keyCount: 1, checkedInToday: true, lastCheckedInAt: new Date('2026-11-10T14:59:00Z') },
    });
    store.clock.set('2026-11-10T15:00:00Z'); // 00:00 KST, the next Seoul day
    expect(await status()).toMatchObject({ value: { checkedInToday: false } });
    expect(await checkIn()).toMatchObject({ ok: true, value: { firstEver: false, attendance: { keyCount: 2 } } });
  });

  it('holds at most 10 keys; having checked in today is reported first', async () => {
    for (let day = 0; day < MAX_KEY_COUNT; day += 1) {
      expect((await checkIn()).ok).toBe(true);
      store.clock.advance(DAY_MS);
    }
    expect(await checkIn()).toEqual({ ok: false, failure: { type: 'MaxKeyCount', keyCount: 10 } });
    store.clock.advance(-DAY_MS);
    expect(await checkIn()).toMatchObject({ ok: false, failure: { type: 'AlreadyCheckedIn' } });
  });

  it('answers UserNotFound for a Discord id no user has', async () => {
    expect(await checkIn('100000000000000000')).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
    expect(await status('100000000000000000')).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
  });

  it('gives one key to concurrent first check-ins', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => checkIn()));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await status()).toMatchObject({ value: { keyCount: 1 } });
  });
});
