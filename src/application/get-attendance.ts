import { checkedInToday, noAttendance } from '../domain/attendance';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

export interface AttendanceStatus {
  keyCount: number;
  /** Checked in on the current Asia/Seoul day. */
  checkedInToday: boolean;
  lastCheckedInAt: Date | null;
}

/** The keys a Discord user holds and whether they checked in today; a user who never did holds none. */
export class GetAttendance {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: { discordId: string }): Promise<Result<AttendanceStatus, FailureOf<'UserNotFound'>>> {
    return this.uow.read(async (reads) => {
      if (!isActive(await reads.users.findByDiscordId(input.discordId))) return fail({ type: 'UserNotFound' as const });
      const attendance = (await reads.attendances.findByDiscordId(input.discordId)) ?? noAttendance(input.discordId);
      return ok({
        keyCount: attendance.keyCount,
        checkedInToday: checkedInToday(attendance, this.clock.now()),
        lastCheckedInAt: attendance.lastCheckedInAt,
      });
    });
  }
}
