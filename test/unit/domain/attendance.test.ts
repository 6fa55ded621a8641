import { checkedInToday, checkIn, MAX_KEY_COUNT, noAttendance } from '../../../src/domain/attendance';
import { anAttendance } from '../../support/builders/attendance';

const lastSecondOfDay = new Date('2026-11-25T14:59:59Z'); // 23:59:59 KST
const midnight = new Date('2026-11-25T15:00:00Z'); // 00:00 KST on the 26th

describe('checkIn', () => {
  it('gives the first key of a user who never checked in, as a first check-in', () => {
    expect(checkIn(noAttendance('368003617146880001'), midnight)).toEqual({
      ok: true,
      value: {
        attendance: { discordId: '368003617146880001', keyCount: 1, checkInCount: 1, lastCheckedInAt: midnight },
        firstEver: true,
      },
    });
  });

  it('adds a key on a later day, as a later check-in', () => {
    const attendance = anAttendance().withKeys(3).withCheckIns(4).lastCheckedInAt(lastSecondOfDay).build();
    const result = checkIn(attendance, midnight);
    expect(result.ok && result.value).toEqual({
      attendance: expect.objectContaining({ keyCount: 4, checkInCount: 5, lastCheckedInAt: midnight }),
      firstEver: false,
    });
  });

  it('counts a user who spent every key as a returning one', () => {
    const spent = anAttendance().withKeys(0).lastCheckedInAt(new Date('2026-11-20T00:00:00Z')).build();
    const result = checkIn(spent, midnight);
    expect(result.ok && result.value.firstEver).toBe(false);
  });

  it('refuses a second check-in the same Seoul day, with the time left until 00:00 KST', () => {
    const attendance = anAttendance().withKeys(1).lastCheckedInAt(new Date('2026-11-24T15:00:00Z')).build();
    expect(checkIn(attendance, lastSecondOfDay)).toEqual({
      ok: false,
      failure: { type: 'AlreadyCheckedIn', diff: '0h 0m 1s' },
    });
    expect(checkIn(attendance, new Date('2026-11-25T09:56:58Z'))).toEqual({
      ok: false,
      failure: { type: 'AlreadyCheckedIn', diff: '5h 3m 2s' },
    });
  });

  it('lets a user who checked in at 23:59:59 KST check in again at 00:00 KST', () => {
    const result = checkIn(anAttendance().withKeys(1).lastCheckedInAt(lastSecondOfDay).build(), midnight);
    expect(result.ok && result.value.attendance.keyCount).toBe(2);
  });

  it('gives the tenth key and refuses an eleventh', () => {
    const nine = anAttendance()
      .withKeys(MAX_KEY_COUNT - 1)
      .lastCheckedInAt(lastSecondOfDay)
      .build();
    const tenth = checkIn(nine, midnight);
    expect(tenth.ok && tenth.value.attendance.keyCount).toBe(10);
    const ten = anAttendance().withKeys(MAX_KEY_COUNT).lastCheckedInAt(lastSecondOfDay).build();
    expect(checkIn(ten, midnight)).toEqual({ ok: false, failure: { type: 'MaxKeyCount', keyCount: 10 } });
  });

  it('reports exist_attendance rather than max_key_count when both apply', () => {
    const full = anAttendance().withKeys(10).lastCheckedInAt(midnight).build();
    const result = checkIn(full, new Date(midnight.getTime() + 60_000));
    expect(result.ok ? null : result.failure.type).toBe('AlreadyCheckedIn');
  });
});

describe('checkedInToday', () => {
  it('is false for a user who never checked in', () => {
    expect(checkedInToday(noAttendance('368003617146880001'), midnight)).toBe(false);
  });

  it('follows the Seoul day', () => {
    const attendance = anAttendance().lastCheckedInAt(lastSecondOfDay).build();
    expect(checkedInToday(attendance, new Date('2026-11-24T15:00:00Z'))).toBe(true);
    expect(checkedInToday(attendance, midnight)).toBe(false);
  });
});
