import { z } from 'zod';
import { CheckInFailure } from '../../../application/check-in';
import { AttendanceStatus } from '../../../application/get-attendance';
import { OpenBoxFailure, OpenedBox } from '../../../application/open-box';
import { CheckIn } from '../../../domain/attendance';
import { Result } from '../../../domain/result';
import { EndpointAnswer } from '../endpoint';
import { errorBody } from '../error-body';
import { failureAnswer, FAILURE_RESPONSES } from '../failure-responses';
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

/** 201 on the first check-in ever, 200 after; the two refusals keep `status` and carry no `error` key. */
export function checkInAnswer(result: Result<CheckIn, CheckInFailure>): EndpointAnswer {
  if (result.ok) {
    const body: z.infer<typeof CheckInResponse> = { status: 'success', key_count: result.value.attendance.keyCount };
    return { status: result.value.firstEver ? 201 : 200, body };
  }
  const { failure } = result;
  if (failure.type === 'UserNotFound') return failureAnswer(failure);
  const { status, code, message } = FAILURE_RESPONSES[failure.type];
  const body: z.infer<typeof CheckInRefusal> =
    failure.type === 'AlreadyCheckedIn'
      ? { status: 'exist_attendance', diff: failure.diff, code, message }
      : { status: 'max_key_count', key_count: failure.keyCount, code, message };
  return { status, body };
}

/** `{point, key_count}`; not enough keys is the usual error body with `key_count` beside it. */
export function unpackAnswer(result: Result<OpenedBox, OpenBoxFailure>): EndpointAnswer {
  if (result.ok) {
    const body: z.infer<typeof UnpackResponse> = { point: result.value.prize, key_count: result.value.keyCount };
    return { status: 200, body };
  }
  const { failure } = result;
  if (failure.type !== 'NotEnoughKeys') return failureAnswer(failure);
  const { status, code, message } = FAILURE_RESPONSES.NotEnoughKeys;
  const body: z.infer<typeof NotEnoughKeysResponse> = {
    ...errorBody(code, message, { key_count: failure.keyCount }),
    key_count: failure.keyCount,
  };
  return { status, body };
}
