import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/eventually';
import { startServerProcess } from '../../support/forte-server-process';
import { ServedForte, serveForte } from '../../support/served-forte';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { ApiClient } from './api-client';
import { aDiscordId } from './discord-ids';

/** Forte processes on one database, their mirrors working against one emulator. */
async function servedWithEmulator(processes: number, env: Record<string, string>) {
  const emulator = await XsollaEmulator.start();
  const forte = await serveForte(processes, {
    scopes: 'users:read,users:write,points:grant',
    env: { ...emulator.env(), XSOLLA_MIRROR_INTERVAL_MS: '20', ...env },
  });
  const bots = forte.baseUrls.map((baseUrl) => ApiClient.bearer(baseUrl, forte.token));
  return { emulator, forte, bots };
}

const balanceOf = async (bot: ApiClient, userId: number): Promise<number> =>
  (await bot.get(`/users/${userId}`)).body.points;

describe('two Forte processes mirroring at once', () => {
  let emulator: XsollaEmulator;
  let forte: ServedForte;
  let bots: ApiClient[];
  beforeAll(async () => {
    ({ emulator, forte, bots } = await servedWithEmulator(2, { XSOLLA_TIMEOUT_MS: '2000' }));
  }, 60_000);
  afterAll(async () => {
    await forte?.stop();
    await emulator?.close();
  });

  it('never overshoot: every wallet ends at its balance, and no change is sent twice', async () => {
    const users: number[] = [];
    for (let n = 0; n < 8; n += 1) {
      users.push((await bots[n % 2]!.post('/users', { discord_id: aDiscordId(), name: `payer ${n}` })).body.id);
    }
    const grants = Array.from({ length: 120 }, (_, n) => ({ userId: users[n % users.length]!, points: 1 + (n % 7) }));
    for (let start = 0; start < grants.length; start += 12) {
      const answers = await Promise.all(
        grants
          .slice(start, start + 12)
          .map(({ userId, points }, n) => bots[n % 2]!.post(`/users/${userId}/points`, { points })),
      );
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    }

    const balances = await Promise.all(users.map((userId) => balanceOf(bots[0]!, userId)));
    await eventually(
      async () => users.every((userId, n) => emulator.wallets.get(String(userId)) === balances[n]),
      30_000,
    );
    for (const [n, userId] of users.entries()) {
      const recharges = emulator.recharges(userId);
      // Only grants: any change sent twice would have overshot, and a negative recharge would have taken it back.
      expect(recharges.every((amount) => amount > 0)).toBe(true);
      expect(recharges.reduce((sum, amount) => sum + amount, 0)).toBe(balances[n]);
    }
    expect(emulator.calls.filter((call) => call.status !== 200)).toEqual([]);
    await eventually(async () => Number((await forte.database.knex('xsolla_outbox').count({ n: '*' }))[0]?.n) === 0);
  }, 90_000);
});

describe('a Forte process killed in the middle of a recharge', () => {
  let emulator: XsollaEmulator;
  let forte: ServedForte;
  let bot: ApiClient;
  beforeAll(async () => {
    const served = await servedWithEmulator(1, { XSOLLA_TIMEOUT_MS: '500' });
    ({ emulator, forte } = served);
    bot = served.bots[0]!;
  }, 60_000);
  afterAll(async () => {
    await forte?.stop();
    await emulator?.close();
  });

  it('leaves its changes queued; a new process converges the wallet once the claim has lapsed', async () => {
    const userId: number = (await bot.post('/users', { discord_id: aDiscordId(), name: 'payer' })).body.id;
    // Xsolla applies the recharge, but the answer comes after the process is gone.
    emulator.slow(5000, /\/recharge$/);
    const recharging = emulator.nextCall('POST', /\/recharge$/);
    expect((await bot.post(`/users/${userId}/points`, { points: 42 })).status).toBe(201);
    await recharging;
    await forte.servers[0]!.kill();
    emulator.recover();
    expect(emulator.wallets.get(String(userId))).toBe(42);
    expect(Number((await forte.database.knex('xsolla_outbox').count({ n: '*' }))[0]?.n)).toBe(1);

    const restarted = await startServerProcess(mkdtempSync(join(tmpdir(), 'forte-restarted-')), {
      DATABASE_URL: forte.database.url,
      ...emulator.env(),
      XSOLLA_MIRROR_INTERVAL_MS: '20',
      XSOLLA_TIMEOUT_MS: '500',
    });
    try {
      await eventually(
        async () =>
          emulator.wallets.get(String(userId)) === 42 &&
          Number((await forte.database.knex('xsolla_outbox').count({ n: '*' }))[0]?.n) === 0,
        20_000,
      );
      // The answer was lost, but the new process reads Xsolla's copy first: it holds the change, nothing is sent again.
      expect(emulator.recharges(userId)).toEqual([42]);
    } finally {
      await restarted.stop();
    }
  }, 60_000);
});
