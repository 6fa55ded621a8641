import { z } from 'zod';
import { CheckInFailure } from '../../../application/check-in';
import { AttendanceStatus } from '../../../application/get-attendance';
import { OpenBoxFailure, OpenedBox } from '../../../application/open-box';
import { CheckIn } from '../../../domain/attendance';
import { EndpointAnswer } from '../endpoint';
import { errorBody } from '../error-body';
import { FAILURE_RESPONSES } from '../failure-responses';
import {
  AttendanceResponse,
  CheckInRefusal,
  CheckInResponse,
  NotEnoughKeysResponse,
  UnpackResponse,
} from '../schemas/attendance-schemas';

/** The attendance routes answer in the shapes of the legacy service, which the attendance bot parses. */
export const presentAttendance = (status: AttendanceStatus): z.infer<typeof AttendanceResponse> => ({
  key_count: status.keyCount,
  checked_in_today: status.checkedInToday,
  last_checked_in_at: status.lastCheckedInAt?.toISOString() ?? null,
});

/** 201 on the first check-in ever, 200 after. */
export function presentCheckIn(checkIn: CheckIn): EndpointAnswer {
  const body: z.infer<typeof CheckInResponse> = { status: 'success', key_count: checkIn.attendance.keyCount };
  return { status: checkIn.firstEver ? 201 : 200, body };
}

/** The two refusals of a check-in keep the legacy `status` and carry no `error` key; null for the others. */
export function checkInRefusal(failure: CheckInFailure): EndpointAnswer | null {
  if (failure.type === 'UserNotFound') return null;
  const { status, code, message } = FAILURE_RESPONSES[failure.type];
  const body: z.infer<typeof CheckInRefusal> =
    failure.type === 'AlreadyCheckedIn'
      ? { status: 'exist_attendance', diff: failure.diff, code, message }
      : { status: 'max_key_count', key_count: failure.keyCount, code, message };
  return { status, body };
}

export const presentOpenedBox = (opened: OpenedBox): z.infer<typeof UnpackResponse> => ({
  point: opened.prize,
  key_count: opened.keyCount,
});

/** Not enough keys is the usual error body with `key_count` beside it; null for the other failures. */
export function unpackRefusal(failure: OpenBoxFailure): EndpointAnswer | null {
  if (failure.type !== 'NotEnoughKeys') return null;
  const { status, code, message } = FAILURE_RESPONSES.NotEnoughKeys;
  const body: z.infer<typeof NotEnoughKeysResponse> = {
    ...errorBody(code, message, { key_count: failure.keyCount }),
    key_count: failure.keyCount,
  };
  return { status, body };
}
