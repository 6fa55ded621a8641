import { Attendance } from '../../domain/attendance';

/** Check-ins and keys per Discord user; a user who never checked in has no row (`noAttendance`). */
export interface AttendanceRepository {
  findByDiscordId(discordId: string): Promise<Attendance | null>;
  /**
   * Reads the row and locks it until the transaction ends. A missing row cannot be locked, so a use case
   * serialises a user's first check-in by locking the user first.
   */
  lockByDiscordId(discordId: string): Promise<Attendance | null>;
  /** Inserts or updates the attendance of its Discord user, who must exist; `at` stamps the change. */
  save(attendance: Attendance, at: Date): Promise<void>;
}
