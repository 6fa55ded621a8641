import { FailureOf } from './failure';
import { fail, ok, Result } from './result';
import { diffUntilNextSeoulDay, isSameSeoulDay } from './seoul-day';

/** A Discord user's daily check-ins and the keys they earned, which open boxes. */
export interface Attendance {
  discordId: string;
  keyCount: number;
  /** How many times the user ever checked in: the first check-in answers differently (201). */
  checkInCount: number;
  lastCheckedInAt: Date | null;
}

export const MAX_KEY_COUNT = 10;

/** The attendance of a user who never checked in. */
export const noAttendance = (discordId: string): Attendance => ({
  discordId,
  keyCount: 0,
  checkInCount: 0,
  lastCheckedInAt: null,
});

/** "Today" is the Asia/Seoul calendar day. */
export const checkedInToday = (attendance: Attendance, now: Date): boolean =>
  attendance.lastCheckedInAt !== null && isSameSeoulDay(attendance.lastCheckedInAt, now);

export interface CheckIn {
  attendance: Attendance;
  firstEver: boolean;
}

/** One key per Seoul day, at most 10 held; having checked in today is reported before a full key ring. */
export function checkIn(
  attendance: Attendance,
  now: Date,
): Result<CheckIn, FailureOf<'AlreadyCheckedIn' | 'MaxKeyCount'>> {
  if (checkedInToday(attendance, now)) return fail({ type: 'AlreadyCheckedIn', diff: diffUntilNextSeoulDay(now) });
  if (attendance.keyCount >= MAX_KEY_COUNT) return fail({ type: 'MaxKeyCount', keyCount: attendance.keyCount });
  return ok({
    attendance: {
      ...attendance,
      keyCount: attendance.keyCount + 1,
      checkInCount: attendance.checkInCount + 1,
      lastCheckedInAt: now,
    },
    firstEver: attendance.checkInCount === 0,
  });
}
