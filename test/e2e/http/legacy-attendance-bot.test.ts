import { FixedClock } from '../../support/fixed-clock';
import { FixedRandom } from '../../support/fixed-random';
import { ApiClient } from './api-client';
import { useApiSession } from './api-session';
import { aDiscordId } from './discord-ids';

const clock = new FixedClock(new Date('2026-11-10T03:00:00Z'));
const random = new FixedRandom(0);
const session = useApiSession({ clock, random });

type CheckInOutcome =
  | { kind: 'checked_in'; keys: number }
  | { kind: 'come_back_in'; diff: string }
  | { kind: 'key_ring_full'; keys: number }
  | { kind: 'failed' };
type UnpackOutcome = { kind: 'won'; point: number; keys: number } | { kind: 'not_enough_keys' } | { kind: 'failed' };

/**
 * The attendance bot already in service, reduced to how it talks to the API: its token bare in `Authorization`,
 * one base URL, box and isPremium in the query string of a body-less POST, and the legacy fields read as it
 * reads them: any `error` key on a 409 is a failure, and 400 or 404 on unpacking means "not enough keys".
 */
class LegacyAttendanceBot {
  private readonly api: ApiClient;

  constructor(baseUrl: string, token: string) {
    this.api = new ApiClient(baseUrl, token);
  }

  async keys(discordId: string): Promise<number> {
    const answer = await this.api.get(`/discords/${discordId}/attendances`);
    return answer.status === 200 ? answer.body.key_count : -1;
  }

  async checkIn(discordId: string): Promise<CheckInOutcome> {
    const answer = await this.api.request('POST', `/discords/${discordId}/attendances`);
    if ((answer.status === 200 || answer.status === 201) && answer.body.status === 'success') {
      return { kind: 'checked_in', keys: answer.body.key_count };
    }
    if (answer.status === 409 && !('error' in answer.body)) {
      if (answer.body.status === 'exist_attendance') return { kind: 'come_back_in', diff: answer.body.diff };
      if (answer.body.status === 'max_key_count') return { kind: 'key_ring_full', keys: answer.body.key_count };
    }
    return { kind: 'failed' };
  }

  async unpack(discordId: string, box: string, premium: boolean): Promise<UnpackOutcome> {
    const answer = await this.api.request(
      'POST',
      `/discords/${discordId}/attendances/unpack?box=${box}&isPremium=${premium ? 1 : 0}`,
    );
    if (answer.status === 400 || answer.status === 404) return { kind: 'not_enough_keys' };
    if (answer.status === 200) return { kind: 'won', point: answer.body.point, keys: answer.body.key_count };
    return { kind: 'failed' };
  }
}

describe('the attendance bot written against the old service', () => {
  it('checks in, is told when to come back, fills its key ring and opens boxes, unchanged', async () => {
    const bot = new LegacyAttendanceBot(
      session.app.baseUrl,
      await session.app.createClient('attendance-bot', ['attendance']),
    );
    const { discord_id: discordId } = await session.registerUser();

    expect(await bot.keys(discordId)).toBe(0);
    expect(await bot.checkIn(discordId)).toEqual({ kind: 'checked_in', keys: 1 });
    clock.set('2026-11-10T09:56:58Z'); // 18:56:58 KST
    expect(await bot.checkIn(discordId)).toEqual({ kind: 'come_back_in', diff: '5h 3m 2s' });

    for (let day = 11; day <= 19; day += 1) {
      clock.set(`2026-11-${day}T03:00:00Z`);
      expect(await bot.checkIn(discordId)).toEqual({ kind: 'checked_in', keys: day - 9 });
    }
    clock.set('2026-11-20T03:00:00Z');
    expect(await bot.checkIn(discordId)).toEqual({ kind: 'key_ring_full', keys: 10 });

    random.set(0.5);
    expect(await bot.unpack(discordId, 'gold', true)).toEqual({ kind: 'won', point: 20, keys: 2 });
    expect(await bot.unpack(discordId, 'bronze', false)).toEqual({ kind: 'not_enough_keys' });
    expect(await bot.unpack(aDiscordId(), 'bronze', false)).toEqual({ kind: 'not_enough_keys' });
    expect(await bot.keys(discordId)).toBe(2);
    expect((await session.bot.get(`/discords/${discordId}`)).body.points).toBe(20);
  });
});
