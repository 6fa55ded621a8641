import { CheckIn as CheckedIn, checkIn, noAttendance } from '../domain/attendance';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

export type CheckInFailure = FailureOf<'UserNotFound' | 'AlreadyCheckedIn' | 'MaxKeyCount'>;

/**
 * The daily check-in of a Discord user. The user row is locked first: a first-ever check-in has no attendance
 * row to lock, and two of them at once would otherwise both insert one.
 */
export class CheckIn {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: { discordId: string }): Promise<Result<CheckedIn, CheckInFailure>> {
    return this.uow.run(async (tx): Promise<Result<CheckedIn, CheckInFailure>> => {
      if (!isActive(await tx.users.lockByDiscordId(input.discordId))) return fail({ type: 'UserNotFound' });
      const attendance = (await tx.attendances.lockByDiscordId(input.discordId)) ?? noAttendance(input.discordId);
      const now = this.clock.now();
      const checkedIn = checkIn(attendance, now);
      if (!checkedIn.ok) return checkedIn;
      await tx.attendances.save(checkedIn.value.attendance, now);
      return ok(checkedIn.value);
    });
  }
}
