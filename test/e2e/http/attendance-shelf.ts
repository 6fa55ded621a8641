import { anAttendance } from '../../support/builders/attendance';
import { ApiSession } from './api-session';

/** A registered user holding `keyCount` keys, as if earned on earlier days; answers the Discord id. */
export async function aUserWithKeys(session: ApiSession, keyCount: number): Promise<string> {
  const user = await session.registerUser();
  const attendance = anAttendance()
    .with({ discordId: user.discord_id })
    .withKeys(keyCount)
    .withCheckIns(keyCount)
    .build();
  await session.app.uow.run((tx) => tx.attendances.save(attendance, new Date()));
  return user.discord_id as string;
}
