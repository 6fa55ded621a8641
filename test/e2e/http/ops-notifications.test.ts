import { DiscordWebhookEmulator, startDiscordWebhookEmulator } from '../../support/discord-webhook-emulator';
import { exportFile, reconcileWith, utcToday } from '../../support/reconcile-cli';
import { aPaidTransaction, searchEntry } from '../../support/xsolla-emulator-reports';
import { eventually } from '../../support/eventually';
import { sendWebhook } from '../../support/xsolla-webhooks';
import { useXsollaShelf } from './xsolla-shelf';

describe('ops notices to Discord from a served Forte', () => {
  let discord: DiscordWebhookEmulator;
  // Read by the shelf's own beforeAll, which runs after this file's first one has started the emulator.
  const env: Record<string, string> = {};
  beforeAll(async () => {
    discord = await startDiscordWebhookEmulator();
    env.DISCORD_OPS_WEBHOOK_URL = discord.url;
  });
  const shelf = useXsollaShelf(env);
  afterAll(() => discord.close());

  const titled = (title: string) => discord.embeds().filter((embed) => embed.title === title);
  const field = (embed: { fields?: { name: string; value: string }[] } | undefined, name: string) =>
    embed?.fields?.find((entry) => entry.name === name)?.value;

  it('posts a payment and its refund as they commit, and a refused webhook', async () => {
    const userId = await shelf.newUser();
    expect((await shelf.send('payment', userId, '8800000001')).status).toBe(204);
    expect((await shelf.send('payment', userId, '8800000001')).status).toBe(204);
    expect((await shelf.send('refund', userId, '8800000001')).status).toBe(204);
    expect((await sendWebhook(shelf.webhookUrl, '{"notification_type": "payment"}', { secret: 'forged' })).status).toBe(
      401,
    );

    await eventually(async () => titled('Xsolla webhook refused').length === 1);
    const [payment] = titled('Xsolla payment');
    expect(titled('Xsolla payment')).toHaveLength(1); // the duplicate moved nothing and is not told
    expect(field(payment, 'user')).toBe(String(userId));
    expect(field(payment, 'transaction')).toBe('8800000001');
    expect(field(payment, 'points')).toMatch(/^\+[1-9]\d*$/);
    const [refund] = titled('Xsolla refund');
    expect(field(refund, 'points')).toMatch(/^-[1-9]\d*$/);
    expect(field(titled('Xsolla webhook refused')[0], 'type')).toBe('unverified');
  });

  it('answers webhooks as fast while Discord is slow, and posts what was held once it answers', async () => {
    const userId = await shelf.newUser();
    discord.setDelay(3000);
    const started = Date.now();
    expect((await shelf.send('payment', userId, '8800000002')).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(1500);
    discord.setDelay(0);
    await eventually(async () => discord.embeds().some((embed) => field(embed, 'transaction') === '8800000002'));
  });

  it('tells a burst of 5xx answers once, with the routes', async () => {
    const before = discord.embeds().length;
    const knex = shelf.app.runtime.database.knex;
    await knex.raw('RENAME TABLE users TO users_gone');
    try {
      for (let n = 0; n < 12; n += 1) expect((await shelf.bot.get('/users/1')).status).toBe(500);
    } finally {
      await knex.raw('RENAME TABLE users_gone TO users');
    }
    await eventually(async () => discord.embeds().some((embed) => /answers 5xx/.test(embed.title ?? '')));
    const bursts = discord
      .embeds()
      .slice(before)
      .filter((embed) => /answers 5xx/.test(embed.title ?? ''));
    expect(bursts).toHaveLength(1);
    expect(bursts[0]?.title).toBe('10 answers 5xx within 60 s');
    expect(bursts[0]?.description).toBe('10 × 500 GET /api/v2/users/:id');
  });

  it('tells a reconciliation that found mismatches, before forte-cli exits', async () => {
    const userId = await shelf.newUser();
    const never = aPaidTransaction({ id: 774100009, userId, points: 40, amount: '3.99' });
    const file = exportFile('unseen.json', JSON.stringify([searchEntry(never, '18404')]));
    const reconcile = reconcileWith({
      DATABASE_URL: shelf.app.runtime.config.DATABASE_URL,
      DISCORD_OPS_WEBHOOK_URL: discord.url,
    });
    const run = await reconcile(utcToday(), utcToday(), '--source', file);
    expect(run.status).toBe(1);

    // The process has exited: what it had to tell was sent before.
    const [told] = discord.embeds().filter((embed) => /^Reconciliation #/.test(embed.title ?? ''));
    // The payments of the tests above are not in the file: missing in Xsolla, as far as it tells.
    expect(told?.title).toBe(
      `Reconciliation #${run.report.run_id} found ${run.report.mismatches} mismatches with Xsolla`,
    );
    expect(field(told, 'missing_in_forte')).toBe('1');
    expect(told?.description).toContain(`0 repaired, ${run.report.needs_human.length} need a human`);
  });
});
