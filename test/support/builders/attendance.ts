import { Attendance } from '../../../src/domain/attendance';
import { Builder } from './builder';

class AttendanceBuilder extends Builder<Attendance> {
  withKeys(keyCount: number): this {
    return this.with({ keyCount });
  }

  /** A user who checked in before, last at `at`. */
  lastCheckedInAt(at: Date): this {
    return this.with({ lastCheckedInAt: at, checkInCount: Math.max(this.fields.checkInCount, 1) });
  }

  withCheckIns(checkInCount: number): this {
    return this.with({ checkInCount });
  }
}

/** The attendance of a user who never checked in and holds no key. */
export const anAttendance = (): AttendanceBuilder =>
  new AttendanceBuilder({ discordId: '368003617146880001', keyCount: 0, checkInCount: 0, lastCheckedInAt: null });
