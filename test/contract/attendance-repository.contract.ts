import { Attendance } from '../../src/domain/attendance';
import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, AT } from './support/records';

const LATER = new Date(AT.getTime() + 86_400_001);

export function attendanceRepositoryContract(target: () => PersistenceTarget): void {
  describe('AttendanceRepository', () => {
    const uow = emptiedBeforeEach(target);
    const newDiscordId = async (): Promise<string> =>
      ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).discordId;
    const find = (discordId: string): Promise<Attendance | null> =>
      uow().run((tx) => tx.attendances.findByDiscordId(discordId));

    it('answers null for a user who never checked in', async () => {
      const discordId = await newDiscordId();
      await uow().run(async (tx) => {
        expect(await tx.attendances.findByDiscordId(discordId)).toBeNull();
        expect(await tx.attendances.lockByDiscordId(discordId)).toBeNull();
      });
    });

    it('inserts the first attendance of a user and gives it back, locking or not', async () => {
      const attendance: Attendance = {
        discordId: await newDiscordId(),
        keyCount: 1,
        checkInCount: 1,
        lastCheckedInAt: AT,
      };
      await uow().run((tx) => tx.attendances.save(attendance, AT));
      await uow().run(async (tx) => {
        expect(await tx.attendances.findByDiscordId(attendance.discordId)).toEqual(attendance);
        expect(await tx.attendances.lockByDiscordId(attendance.discordId)).toEqual(attendance);
      });
    });

    it('overwrites the attendance of the same user', async () => {
      const discordId = await newDiscordId();
      await uow().run((tx) =>
        tx.attendances.save({ discordId, keyCount: 10, checkInCount: 12, lastCheckedInAt: AT }, AT),
      );
      const opened: Attendance = { discordId, keyCount: 0, checkInCount: 13, lastCheckedInAt: LATER };
      await uow().run((tx) => tx.attendances.save(opened, LATER));
      expect(await find(discordId)).toEqual(opened);
    });

    it("keeps each user's attendance apart", async () => {
      const first: Attendance = { discordId: await newDiscordId(), keyCount: 3, checkInCount: 3, lastCheckedInAt: AT };
      const second: Attendance = {
        discordId: await newDiscordId(),
        keyCount: 0,
        checkInCount: 0,
        lastCheckedInAt: null,
      };
      await uow().run(async (tx) => {
        await tx.attendances.save(first, AT);
        await tx.attendances.save(second, AT);
      });
      expect(await find(first.discordId)).toEqual(first);
      expect(await find(second.discordId)).toEqual(second);
    });

    it('refuses the attendance of a Discord id that is no user', async () => {
      const attendance: Attendance = {
        discordId: '368003617146899999',
        keyCount: 1,
        checkInCount: 1,
        lastCheckedInAt: AT,
      };
      await expect(uow().run((tx) => tx.attendances.save(attendance, AT))).rejects.toThrow();
      expect(await find(attendance.discordId)).toBeNull();
    });
  });
}
