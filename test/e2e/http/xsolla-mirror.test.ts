import { eventually } from '../../support/eventually';
import { runCliAsync } from '../../support/forte-cli';
import { TestApp } from '../../support/test-app';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { ApiClient } from './api-client';
import { ForteWithXsolla, startForteWithXsolla } from './forte-with-xsolla';
import { aDiscordId } from './discord-ids';
import { FIXTURE_SKUS } from './xsolla-shelf';
import { stockItemThrough } from './store-shelf';

describe('the balance mirror against the Xsolla emulator', () => {
  let forte: ForteWithXsolla;
  let emulator: XsollaEmulator;
  let app: TestApp;
  let bot: ApiClient;
  beforeAll(async () => {
    forte = await startForteWithXsolla({
      client: 'mirror-bot',
      env: { XSOLLA_TIMEOUT_MS: '300', XSOLLA_MIRROR_INTERVAL_MS: '50' },
    });
    ({ emulator, app, bot } = forte);
    await Promise.all(FIXTURE_SKUS.map((sku) => stockItemThrough(app, { sku, price: 25 })));
  });
  afterAll(() => forte?.close());

  const aUser = async (): Promise<number> =>
    (await bot.post('/users', { discord_id: aDiscordId(), name: 'lara' })).body.id;
  const grant = async (userId: number, points: number) =>
    expect((await bot.post(`/users/${userId}/points`, { points })).status).toBe(201);
  const balanceOf = async (userId: number): Promise<number> => (await bot.get(`/users/${userId}`)).body.points;
  const inStep = async (userIds: number[]): Promise<boolean> => {
    const balances = await Promise.all(userIds.map(balanceOf));
    return userIds.every((userId, n) => emulator.wallets.get(String(userId)) === Math.max(0, balances[n] ?? 0));
  };
  const status = async () => {
    const run = await runCliAsync(['xsolla', 'status', '--json'], {
      env: { DATABASE_URL: app.runtime.config.DATABASE_URL, ...emulator.env() },
    });
    return { exitCode: run.status, report: JSON.parse(run.stdout) };
  };
  const backlogGauge = async (): Promise<number> => {
    const metrics = await (await fetch(`${app.origin}/metrics`)).text();
    return Number(/^forte_outbox_backlog (\d+)$/m.exec(metrics)?.[1]);
  };

  it("brings each changed wallet to the user's balance", async () => {
    const users = [await aUser(), await aUser()];
    await grant(users[0]!, 30);
    await grant(users[1]!, 70);
    await grant(users[1]!, -20);

    await eventually(() => inStep(users));
    expect(emulator.recharges(users[0]!)).toEqual([30]);
    await eventually(async () => (await backlogGauge()) === 0);
  });

  it('queues the changes while Xsolla fails, shows the backlog, and converges every wallet when it recovers', async () => {
    const users = [await aUser(), await aUser(), await aUser()];
    emulator.failWith(500);
    await grant(users[0]!, 40);
    await grant(users[1]!, 100);
    const bought = await bot.post(`/users/${users[1]}/items`, { item_id: await stockItemThrough(app, { price: 35 }) });
    expect(bought.status).toBe(201);
    await grant(users[2]!, 5);
    const paid = await emulator.pay(users[2]!, { points: 50 });
    expect(paid.reply.status).toBe(204);

    await eventually(async () => (await status()).report.failing.length === 3);
    const during = await status();
    expect(during.exitCode).toBe(1);
    expect(during.report).toMatchObject({ mirror: 'on', changes: 5, users: 3 });
    expect(during.report.failing[0]).toMatchObject({
      attempts: expect.any(Number),
      last_error: expect.stringContaining('500'),
    });
    expect(await backlogGauge()).toBe(5);
    expect(emulator.recharges(users[0]!)).toEqual([]);

    emulator.recover();

    await eventually(() => inStep(users), 20_000);
    expect(await balanceOf(users[1]!)).toBe(65);
    expect(emulator.wallets.get(String(users[2]))).toBe(55);
    await eventually(async () => (await status()).report.changes === 0);
    const after = await status();
    expect(after).toMatchObject({ exitCode: 0, report: { changes: 0, users: 0, leased: 0, failing: [] } });
  }, 60_000);

  it("keeps a debt out of Xsolla's wallet: a refund of spent points leaves it at 0", async () => {
    const userId = await aUser();
    const { transactionId } = await emulator.pay(userId, { points: 30 });
    await eventually(() => inStep([userId]));
    const spent = await bot.post(`/users/${userId}/items`, { item_id: await stockItemThrough(app, { price: 25 }) });
    expect(spent.status).toBe(201);
    expect((await emulator.sendFixture('refund', userId, transactionId)).status).toBe(204);

    expect(await balanceOf(userId)).toBe(-25);
    await eventually(async () => emulator.wallets.get(String(userId)) === 0 && (await backlogGauge()) === 0);
  });
});
