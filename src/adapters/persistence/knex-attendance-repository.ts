import { Knex } from 'knex';
import { z } from 'zod';
import { AttendanceRepository } from '../../application/ports/attendance-repository';
import { Attendance } from '../../domain/attendance';
import { integerColumn, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { rowParser } from './row-parser';
import { upsertRecord } from './upsert-record';

/** An `attendances` row, checked and named as the domain names it. */
const toAttendance: (row: unknown) => Attendance = rowParser(
  z.object({
    discordId: z.string(),
    keyCount: integerColumn,
    checkInCount: integerColumn,
    lastCheckedInAt: timestampColumn.nullable(),
  }),
);

export class KnexAttendanceRepository implements AttendanceRepository {
  constructor(private readonly db: Knex) {}

  findByDiscordId(discordId: string): Promise<Attendance | null> {
    return firstOrNull(this.db('attendances').where({ discord_id: discordId }), toAttendance);
  }

  // SQLite compiles forUpdate() to nothing: its transactions begin immediately and already exclude other writers.
  lockByDiscordId(discordId: string): Promise<Attendance | null> {
    return firstOrNull(this.db('attendances').where({ discord_id: discordId }).forUpdate(), toAttendance);
  }

  async save(attendance: Attendance, at: Date): Promise<void> {
    const { discordId, ...counts } = attendance;
    await upsertRecord(this.db, 'attendances', { discord_id: discordId }, counts, at);
  }
}
