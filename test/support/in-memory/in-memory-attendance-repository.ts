import { AttendanceRepository } from '../../../src/application/ports/attendance-repository';
import { Attendance } from '../../../src/domain/attendance';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';

/** The row's timestamps are not part of `Attendance`, so the change time given to `save` is not kept. */
export class InMemoryAttendanceRepository implements AttendanceRepository {
  constructor(private readonly state: InMemoryState) {}

  findByDiscordId(discordId: string): Promise<Attendance | null> {
    return Promise.resolve(copyOrNull(this.state.attendances.get(discordId)));
  }

  // The unit of work runs one transaction at a time, so reading is locking.
  lockByDiscordId(discordId: string): Promise<Attendance | null> {
    return this.findByDiscordId(discordId);
  }

  save(attendance: Attendance): Promise<void> {
    const userExists = [...this.state.users.values()].some((user) => user.discordId === attendance.discordId);
    if (!userExists) {
      return Promise.reject(
        new Error(`An attendance of Discord id ${attendance.discordId}, who is no user (foreign key)`),
      );
    }
    this.state.attendances.set(attendance.discordId, structuredClone(attendance));
    return Promise.resolve();
  }
}
